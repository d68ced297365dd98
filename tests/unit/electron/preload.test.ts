import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { FieldworkApi } from '#shared/api/contract';
import { ok } from '#shared/api/result';
import { fake } from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronMock());

describe('preload', () => {
  let api: FieldworkApi;
  beforeAll(async () => {
    await import('../../../electron/preload/index');
    api = fake.contextBridge.exposed.fieldwork as FieldworkApi;
  });

  it('exposes only an invoke function as window.fieldwork', () => {
    expect(Object.keys(fake.contextBridge.exposed)).toEqual(['fieldwork']);
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(JSON.stringify(Object.values(api))).not.toContain('ipcRenderer');
  });

  it('sends a known op on its fieldwork: channel and returns the main process answer', async () => {
    fake.ipcRenderer.invoke.mockResolvedValueOnce(ok([]));
    await expect(api.invoke('clients.list', {})).resolves.toEqual(ok([]));
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('fieldwork:clients.list', {});
  });

  it('refuses unknown op names without touching IPC', async () => {
    fake.ipcRenderer.invoke.mockClear();
    const invoke = api.invoke as (op: unknown, input: unknown) => Promise<unknown>;
    for (const op of ['clients.drop', '__proto__', 'fieldwork:clients.list', 42, undefined]) {
      await expect(invoke(op, {})).resolves.toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    }
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('turns an IPC failure into an envelope instead of a rejection', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(api.invoke('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
