import { BrowserWindow } from 'electron';
import { APP_INDEX_URL } from './protocol-path';

/** The one application window; shown only once its first paint is ready. */
export function createMainWindow(preloadPath: string): BrowserWindow {
  // electronegativity AUXCLICK: a middle click can only ask for a new window, which
  // hardenWebContents' window-open handler denies (links go to the OS browser, https only).
  const win = /* eng-disable AUXCLICK_JS_CHECK */ new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 960,
    minHeight: 600,
    title: 'Fieldwork',
    show: false,
    autoHideMenuBar: true,
    webPreferences: {
      // electronegativity PRELOAD: ours, sandboxed; exposes invoke(op, input) for the page's ops (not main-only ones)
      // and the desktop extras (import of chosen files by the paths it looks up itself, show data folder, quit).
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
  return win;
}
