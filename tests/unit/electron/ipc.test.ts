import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_PREFIX, MAIN_ONLY_OPS, OP_NAMES } from '#shared/api/ops';
import { ok, type Result } from '#shared/api/result';
import { fake, FakeBrowserWindow, resetFake } from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronMock());
const { registerIpcHandlers } = await import('../../../electron/main/ipc');

type Handler = (event: unknown, input: unknown) => Promise<Result<unknown>>;

describe('IPC handlers', () => {
  let win: FakeBrowserWindow | null;
  let calls: [string, unknown][];
  const handler = (op: string) => fake.ipcMain.handlers.get(IPC_PREFIX + op) as unknown as Handler;
  const fromWindow = (w: FakeBrowserWindow, frame: { url: string } | null = w.webContents.mainFrame) => ({
    sender: w.webContents,
    senderFrame: frame,
  });

  beforeEach(() => {
    resetFake();
    win = new FakeBrowserWindow({});
    calls = [];
    registerIpcHandlers(
      () => win as unknown as BrowserWindow,
      (op, input) => {
        calls.push([op, input]);
        return Promise.resolve(ok({ echoed: op }));
      },
    );
  });

  it('registers exactly one handler per op the page may send, none for main-only ops', () => {
    const pageOps = OP_NAMES.filter((op) => !MAIN_ONLY_OPS.includes(op));
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(pageOps.map((op) => IPC_PREFIX + op).sort());
    // A path to read is never the page's to name: no channel for it at all.
    expect(MAIN_ONLY_OPS).toContain('evidence.importPaths');
    expect(fake.ipcMain.handlers.has(`${IPC_PREFIX}evidence.importPaths`)).toBe(false);
  });

  it('forwards calls from our window top frame, input untouched, and returns the envelope', async () => {
    const input = { name: 'ACME', extra: [1, 2] };
    await expect(handler('clients.create')(fromWindow(win!), input)).resolves.toEqual(ok({ echoed: 'clients.create' }));
    expect(calls).toEqual([['clients.create', input]]);
  });

  const forbidden = { ok: false, error: { code: 'forbidden', message: expect.any(String) as string } };

  it('refuses a subframe of our window', async () => {
    const iframe = { url: 'app://fieldwork/index.html' };
    await expect(handler('clients.list')(fromWindow(win!, iframe), {})).resolves.toEqual(forbidden);
    expect(calls).toEqual([]);
  });

  it('refuses our top frame once it shows a foreign page', async () => {
    win!.webContents.mainFrame.url = 'https://evil.example/app://fieldwork/';
    await expect(handler('clients.list')(fromWindow(win!), {})).resolves.toEqual(forbidden);
    win!.webContents.mainFrame.url = 'app://fieldwork.evil/index.html';
    await expect(handler('clients.list')(fromWindow(win!), {})).resolves.toEqual(forbidden);
    expect(calls).toEqual([]);
  });

  it('refuses other windows, destroyed frames, and calls when no window exists', async () => {
    const other = new FakeBrowserWindow({});
    await expect(handler('audits.list')(fromWindow(other), {})).resolves.toEqual(forbidden);
    await expect(handler('audits.list')(fromWindow(win!, null), {})).resolves.toEqual(forbidden);
    const throwing = {
      sender: win!.webContents,
      get senderFrame() {
        throw new Error('gone');
      },
    };
    await expect(handler('audits.list')(throwing, {})).resolves.toEqual(forbidden);
    win!.destroyed = true;
    await expect(handler('audits.list')(fromWindow(win!), {})).resolves.toEqual(forbidden);
    win = null;
    await expect(handler('audits.list')(fromWindow(other), {})).resolves.toEqual(forbidden);
    expect(calls).toEqual([]);
  });
});
