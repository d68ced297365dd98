import type { BrowserWindow } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DESKTOP_CHANNELS } from '#shared/api/desktop';
import { ok, type Result } from '#shared/api/result';
import { fake, FakeBrowserWindow, resetFake } from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronMock());
const { registerDesktopIpc } = await import('../../../electron/main/desktop-ipc');

type Handler = (event: unknown, input?: unknown) => Result<unknown> | Promise<Result<unknown>>;

describe("the desktop's extras in main", () => {
  let win: FakeBrowserWindow;
  let calls: [string, unknown][];
  const shown: string[] = [];
  const quit = vi.fn();
  const handler = (channel: string) => fake.ipcMain.handlers.get(channel) as unknown as Handler;
  const fromWindow = (w: FakeBrowserWindow, frame: { url: string } | null = w.webContents.mainFrame) => ({
    sender: w.webContents,
    senderFrame: frame,
  });

  beforeEach(() => {
    resetFake();
    win = new FakeBrowserWindow({});
    calls = [];
    shown.length = 0;
    quit.mockClear();
    registerDesktopIpc(() => win as unknown as BrowserWindow, {
      call: (op, input) => {
        calls.push([op, input]);
        return Promise.resolve(ok({ results: [] }));
      },
      dataDir: '/home/me/.config/Fieldwork',
      showItemInFolder: (p) => void shown.push(p),
      quit,
    });
  });

  it('registers one channel each', () => {
    expect([...fake.ipcMain.handlers.keys()].sort()).toEqual(Object.values(DESKTOP_CHANNELS).sort());
  });

  it("sends the preload's import to the backend as evidence.importPaths, input untouched", async () => {
    const input = { importId: 'i', auditId: 'a', links: [], paths: ['/home/me/a.jpg'] };
    await expect(handler(DESKTOP_CHANNELS.importPaths)(fromWindow(win), input)).resolves.toEqual(ok({ results: [] }));
    expect(calls).toEqual([['evidence.importPaths', input]]);
  });

  it('shows the data folder main knows, whatever the page sends, and quits', async () => {
    expect(await handler(DESKTOP_CHANNELS.showDataFolder)(fromWindow(win), '/etc')).toEqual(ok({}));
    expect(shown).toEqual(['/home/me/.config/Fieldwork']);
    expect(await handler(DESKTOP_CHANNELS.quit)(fromWindow(win))).toEqual(ok({}));
    expect(quit).toHaveBeenCalledOnce();
  });

  it('refuses every channel from another window, a subframe or a foreign page, doing nothing', async () => {
    const other = new FakeBrowserWindow({});
    const iframe = { url: 'app://fieldwork/index.html' };
    for (const channel of Object.values(DESKTOP_CHANNELS)) {
      for (const event of [fromWindow(other), fromWindow(win, iframe), fromWindow(win, null)]) {
        await expect(Promise.resolve(handler(channel)(event, { paths: ['/etc/passwd'] }))).resolves.toMatchObject({
          ok: false,
          error: { code: 'forbidden' },
        });
      }
    }
    win.webContents.mainFrame.url = 'https://evil.example/';
    expect(await handler(DESKTOP_CHANNELS.quit)(fromWindow(win))).toMatchObject({ ok: false });
    expect(calls).toEqual([]);
    expect(shown).toEqual([]);
    expect(quit).not.toHaveBeenCalled();
  });
});
