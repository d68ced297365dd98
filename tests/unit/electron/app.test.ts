import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS } from '#shared/api/desktop';
import { IPC_PREFIX, MAIN_ONLY_OPS, OP_NAMES } from '#shared/api/ops';
import { fake, FakeBrowserWindow, FakeEvent, FakeUtilityProcess, resetFake } from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronMock());
const { builtPaths, startApp } = await import('../../../electron/main/app');

const rendererDir = mkdtempSync(path.join(tmpdir(), 'fw-app-'));
writeFileSync(path.join(rendererDir, 'index.html'), '<title>Fieldwork</title>');
afterAll(() => rmSync(rendererDir, { recursive: true, force: true }));

const paths = {
  preload: '/app/out/preload/index.cjs',
  renderer: rendererDir,
  backendHost: '/app/out/main/backend-host.js',
};
const flush = () => new Promise((r) => setImmediate(r));
const ready = async () => {
  fake.app.fireReady();
  await flush();
};
const forks = () => fake.utilityProcess.fork.mock.results.map((r) => r.value as FakeUtilityProcess);

describe('builtPaths', () => {
  it('points at the electron-vite output next to out/main', () => {
    expect(builtPaths('/app/out/main')).toEqual({
      preload: path.join('/app/out/preload/index.cjs'),
      renderer: path.join('/app/out/renderer'),
      backendHost: path.join('/app/out/main/backend-host.js'),
    });
  });
});

describe('startApp', () => {
  beforeEach(resetFake);

  it('registers the app scheme before ready', () => {
    startApp(paths);
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalled();
    expect(fake.protocol.handle).not.toHaveBeenCalled();
  });

  it('a second instance quits at once, without a window or a backend', async () => {
    fake.app.lock = false;
    startApp(paths);
    expect(fake.app.quit).toHaveBeenCalledOnce();
    await ready();
    expect(fake.utilityProcess.fork).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(fake.ipcMain.handle).not.toHaveBeenCalled();
  });

  it('on ready: hardens the session, serves app://, forks the backend on the user data dir, opens one window', async () => {
    startApp(paths);
    await ready();
    expect(fake.session.defaultSession.permissionRequestHandler).not.toBeNull();
    expect(fake.session.defaultSession.headersReceived).not.toBeNull();
    const res = await fake.protocol.handlers.get('app')!(new Request('app://fieldwork/index.html'));
    expect(await res.text()).toContain('Fieldwork');
    expect(forks()).toHaveLength(1);
    expect(forks()[0]!.modulePath).toBe(paths.backendHost);
    expect(forks()[0]!.args).toEqual(['--data-dir=/fake/userData', '--app-version=9.9.9']);
    // The backend's environment caps malloc arenas (report exports with many photos), and keeps the rest.
    const options = (fake.utilityProcess.fork.mock.calls[0] as unknown[])[2] as { env?: Record<string, string> };
    expect(options.env).toMatchObject({ MALLOC_ARENA_MAX: '2', PATH: process.env.PATH });
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]!.options).toMatchObject({ webPreferences: { preload: paths.preload } });
    // One channel per op the page may send, and the desktop's three extras.
    const channels = OP_NAMES.length - MAIN_ONLY_OPS.length + Object.keys(DESKTOP_CHANNELS).length;
    expect([...fake.ipcMain.handlers.keys()]).toHaveLength(channels);
  });

  it("sends the preload's paths to the backend process as evidence.importPaths; shows the user data folder; quits", async () => {
    startApp(paths);
    await ready();
    const win = FakeBrowserWindow.instances[0]!;
    const event = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const channel = (name: string) =>
      fake.ipcMain.handlers.get(name) as unknown as (e: unknown, i?: unknown) => unknown;
    const input = { importId: 'i', auditId: 'a', links: [], paths: ['/media/card/a.jpg'] };
    const answer = channel(DESKTOP_CHANNELS.importPaths)(event, input);
    const host = forks()[0]!;
    const request = host.sent.at(-1) as { id: number; op: string; input: unknown };
    expect(request).toMatchObject({ op: 'evidence.importPaths', input });
    host.emit('message', { id: request.id, result: { ok: true, value: { results: [] } } });
    await expect(answer).resolves.toEqual({ ok: true, value: { results: [] } });
    await channel(DESKTOP_CHANNELS.showDataFolder)(event);
    expect(fake.shell.showItemInFolder).toHaveBeenCalledExactlyOnceWith('/fake/userData');
    await channel(DESKTOP_CHANNELS.quit)(event);
    expect(fake.app.quit).toHaveBeenCalledOnce();
  });

  it('hardens every web contents, including the main window', async () => {
    startApp(paths);
    await ready();
    const event = new FakeEvent();
    FakeBrowserWindow.instances[0]!.webContents.emit('will-navigate', event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
  });

  it('routes a renderer call through IPC to the backend process and back', async () => {
    startApp(paths);
    await ready();
    const win = FakeBrowserWindow.instances[0]!;
    const handler = fake.ipcMain.handlers.get(`${IPC_PREFIX}clients.list`) as unknown as (
      e: unknown,
      i: unknown,
    ) => Promise<unknown>;
    const answer = handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {});
    const host = forks()[0]!;
    const request = host.sent.at(-1) as { id: number; op: string; input: unknown };
    expect(request).toMatchObject({ op: 'clients.list', input: {} });
    host.emit('message', { id: request.id, result: { ok: true, value: ['x'] } });
    await expect(answer).resolves.toEqual({ ok: true, value: ['x'] });
  });

  it("answers security.conversion in main from the backend's progress messages, never asking the backend", async () => {
    startApp(paths);
    await ready();
    const win = FakeBrowserWindow.instances[0]!;
    const handler = fake.ipcMain.handlers.get(`${IPC_PREFIX}security.conversion`) as unknown as (
      e: unknown,
      i: unknown,
    ) => Promise<unknown>;
    const ask = () => handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, {});
    const host = forks()[0]!;
    await expect(ask()).resolves.toEqual({ ok: true, value: { active: false, fraction: 1, stage: '' } });
    // The backend is busy converting (synchronously): only its messages tell how far it is.
    host.emit('message', { type: 'conversion', fraction: 0.3, stage: 'Encrypting the copy', done: false });
    await expect(ask()).resolves.toEqual({
      ok: true,
      value: { active: true, fraction: 0.3, stage: 'Encrypting the copy' },
    });
    host.emit('message', { type: 'conversion', fraction: 1, stage: 'Done', done: true });
    await expect(ask()).resolves.toEqual({ ok: true, value: { active: false, fraction: 1, stage: '' } });
    expect(host.sent.some((m) => (m as { op?: string }).op === 'security.conversion')).toBe(false);
  });

  it('handles evidence.openExternal in main: looks the attachment up, never forwards the op', async () => {
    startApp(paths);
    await ready();
    const win = FakeBrowserWindow.instances[0]!;
    const handler = fake.ipcMain.handlers.get(`${IPC_PREFIX}evidence.openExternal`) as unknown as (
      e: unknown,
      i: unknown,
    ) => Promise<unknown>;
    const input = { id: '01890000-0000-7000-8000-000000000001' };
    const answer = handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, input);
    const host = forks()[0]!;
    const request = host.sent.at(-1) as { id: number; op: string; input: unknown };
    expect(request).toMatchObject({ op: 'evidence.get', input });
    host.emit('message', { id: request.id, result: { ok: false, error: { code: 'not_found', message: 'gone' } } });
    await expect(answer).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'gone' } });
    expect(fake.shell.openPath).not.toHaveBeenCalled();
  });

  it('handles evidence.showInFolder in main too: looks the attachment up, never forwards the op', async () => {
    startApp(paths);
    await ready();
    const win = FakeBrowserWindow.instances[0]!;
    const handler = fake.ipcMain.handlers.get(`${IPC_PREFIX}evidence.showInFolder`) as unknown as (
      e: unknown,
      i: unknown,
    ) => Promise<unknown>;
    const input = { id: '01890000-0000-7000-8000-000000000001' };
    const answer = handler({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, input);
    const host = forks()[0]!;
    const request = host.sent.at(-1) as { id: number; op: string; input: unknown };
    expect(request).toMatchObject({ op: 'evidence.get', input });
    host.emit('message', { id: request.id, result: { ok: false, error: { code: 'not_found', message: 'gone' } } });
    await expect(answer).resolves.toEqual({ ok: false, error: { code: 'not_found', message: 'gone' } });
    expect(fake.shell.showItemInFolder).not.toHaveBeenCalled();
  });

  it('restores and focuses the existing window when a second instance starts', async () => {
    startApp(paths);
    await ready();
    const win = FakeBrowserWindow.instances[0]!;
    win.minimized = true;
    fake.app.emit('second-instance', new FakeEvent(), [], '/');
    expect(win.minimized).toBe(false);
    expect(win.visible).toBe(true);
    expect(win.focused).toBe(true);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('waits for the backend to close the database before quitting', async () => {
    startApp(paths);
    await ready();
    const host = forks()[0]!;
    const event = new FakeEvent();
    fake.app.emit('before-quit', event);
    expect(event.defaultPrevented).toBe(true);
    expect(host.sent.at(-1)).toEqual({ type: 'shutdown' });
    expect(fake.app.quit).not.toHaveBeenCalled();
    host.emit('exit', 0);
    await flush();
    expect(fake.app.quit).toHaveBeenCalledOnce();
    const second = new FakeEvent();
    fake.app.emit('before-quit', second);
    expect(second.defaultPrevented).toBe(false);
  });
});
