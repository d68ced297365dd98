import { beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, resetFake } from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronMock());
const { createMainWindow } = await import('../../../electron/main/window');

describe('createMainWindow', () => {
  beforeEach(resetFake);

  it('creates one isolated, sandboxed window with our preload', () => {
    createMainWindow('/app/out/preload/index.cjs');
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const options = FakeBrowserWindow.instances[0]!.options;
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
    });
  });

  it('loads the renderer from app://fieldwork and shows only when ready', () => {
    const win = createMainWindow('/p.cjs') as unknown as FakeBrowserWindow;
    expect(win.loadedUrl).toBe('app://fieldwork/index.html');
    expect(win.visible).toBe(false);
    win.emit('ready-to-show');
    expect(win.visible).toBe(true);
  });
});
