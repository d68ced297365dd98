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

  it('exposes only invoke and the desktop extras as window.fieldwork', () => {
    expect(Object.keys(fake.contextBridge.exposed)).toEqual(['fieldwork']);
    expect(Object.keys(api)).toEqual(['invoke', 'desktop']);
    expect(Object.keys(api.desktop!)).toEqual(['importFiles', 'isOnDisk', 'showDataFolder', 'quit']);
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

  it('refuses main-only ops through invoke without touching IPC: the page cannot name a path', async () => {
    fake.ipcRenderer.invoke.mockClear();
    const invoke = api.invoke as (op: unknown, input: unknown) => Promise<unknown>;
    const input = { importId: 'i', auditId: 'a', links: [], paths: ['/etc/passwd'] };
    await expect(invoke('evidence.importPaths', input)).resolves.toMatchObject({
      ok: false,
      error: { code: 'unknown_operation' },
    });
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  const target = { importId: 'imp-1', auditId: 'aud-1', links: [{ type: 'audit' as const, id: 'aud-1' }] };
  const chosen = (name: string, path?: string) => ({ name, size: 3, ...(path === undefined ? {} : { path }) });

  it('importFiles looks the paths up from the chosen files and sends them on its own channel', async () => {
    fake.ipcRenderer.invoke.mockClear();
    fake.ipcRenderer.invoke.mockResolvedValueOnce(ok({ results: [] }));
    const files = [chosen('a.jpg', '/home/me/card/a.jpg'), chosen('b.mov', '/home/me/card/b.mov')];
    // Whatever the page adds to its target, the paths sent are the preload's own.
    const sneaky = { ...target, paths: ['/etc/shadow'], description: 'Card' };
    await expect(api.desktop!.importFiles(files, sneaky)).resolves.toEqual(ok({ results: [] }));
    expect(fake.webUtils.getPathForFile).toHaveBeenCalledWith(files[0]);
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('fieldwork-desktop:import-paths', {
      ...target,
      description: 'Card',
      addedBy: undefined,
      paths: ['/home/me/card/a.jpg', '/home/me/card/b.mov'],
    });
  });

  it('importFiles refuses, naming it, a file a script made (no path) or anything not a File, sending nothing', async () => {
    fake.ipcRenderer.invoke.mockClear();
    const made = api.desktop!.importFiles([chosen('a.jpg', '/x/a.jpg'), chosen('forged.txt')], target);
    await expect(made).resolves.toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/“forged\.txt” is not a file on this computer/) as string,
      },
    });
    const notFiles = [[{ path: '/etc/passwd' }], ['/etc/passwd'], [null], '/etc/passwd', null];
    for (const files of notFiles) {
      const answer = api.desktop!.importFiles(files as never, target);
      await expect(answer).resolves.toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(fake.ipcRenderer.invoke).not.toHaveBeenCalled();
  });

  it('isOnDisk tells only whether a file has a path: a pasted image (made by a script) has none', () => {
    expect(api.desktop!.isOnDisk(chosen('a.jpg', '/home/me/a.jpg'))).toBe(true);
    expect(api.desktop!.isOnDisk(chosen('pasted-2026-03-14-093012.png'))).toBe(false);
    expect(api.desktop!.isOnDisk('/etc/passwd' as never)).toBe(false);
  });

  it('showDataFolder and quit send only the request, each on its own channel', async () => {
    fake.ipcRenderer.invoke.mockClear();
    fake.ipcRenderer.invoke.mockResolvedValue(ok({}));
    await expect(api.desktop!.showDataFolder()).resolves.toEqual(ok({}));
    await expect(api.desktop!.quit()).resolves.toEqual(ok({}));
    expect(fake.ipcRenderer.invoke.mock.calls).toEqual([
      ['fieldwork-desktop:show-data-folder', undefined],
      ['fieldwork-desktop:quit', undefined],
    ]);
    fake.ipcRenderer.invoke.mockReset();
  });

  it('turns an IPC failure into an envelope instead of a rejection', async () => {
    fake.ipcRenderer.invoke.mockRejectedValueOnce(new Error('No handler registered'));
    await expect(api.invoke('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});
