import { ipcMain, type BrowserWindow } from 'electron';
import { DESKTOP_CHANNELS } from '#shared/api/desktop';
import type { OpName } from '#shared/api/ops';
import { fail, ok, type Result } from '#shared/api/result';
import { isTrustedSender } from './ipc';

export interface DesktopIpcDeps {
  /** The backend's API (backend-client's `call`): the only sender of main-only ops. */
  call(op: OpName, input: unknown): Promise<Result<unknown>>;
  /** The data folder, decided here: the page never names it. */
  dataDir: string;
  /** shell.showItemInFolder. */
  showItemInFolder(path: string): void;
  /** app.quit (the backend closes its database first: app.ts's before-quit). */
  quit(): void;
}

const forbidden = () => fail('forbidden', 'This window may not use the Fieldwork API.');

/**
 * The desktop app's extras (FieldworkApi.desktop), each on its own channel and,
 * like the ops, only for the main window's top frame on app://fieldwork/.
 * `importPaths` carries what the preload sent: paths it looked up itself from
 * the File objects the user chose (webUtils), and the page's target; the
 * backend validates both (`evidence.importPaths`). The other two take nothing
 * from the page but the request.
 */
export function registerDesktopIpc(getWindow: () => BrowserWindow | null, deps: DesktopIpcDeps): void {
  ipcMain.handle(DESKTOP_CHANNELS.importPaths, (event, input: unknown) =>
    isTrustedSender(event, getWindow()) ? deps.call('evidence.importPaths', input) : Promise.resolve(forbidden()),
  );
  ipcMain.handle(DESKTOP_CHANNELS.showDataFolder, (event) => {
    if (!isTrustedSender(event, getWindow())) return forbidden();
    deps.showItemInFolder(deps.dataDir);
    return ok({});
  });
  ipcMain.handle(DESKTOP_CHANNELS.quit, (event) => {
    if (!isTrustedSender(event, getWindow())) return forbidden();
    deps.quit();
    return ok({});
  });
}
