/**
 * The 'electron' module of the app binary, for running the built main entry as the `fieldwork` command under Node.
 * Only what a command may use exists; anything else of Electron being touched means the desktop app started
 * (a window, the single-instance lock, app://, the keychain...), and the process stops at once with exit code 9.
 */
const desktopStarted = (what) => {
  process.stderr.write(`started as the desktop app: ${what} was used\n`);
  process.exit(9);
};
const guarded = (name, allowed = {}) =>
  new Proxy(allowed, {
    get: (target, key) => (key in target ? target[key] : desktopStarted(`${name}.${String(key)}`)),
  });

export const app = guarded('app', {
  disableHardwareAcceleration: () => {},
  dock: undefined,
  exit: (code) => process.exit(code),
});
export const BrowserWindow = guarded('BrowserWindow');
export const ipcMain = guarded('ipcMain');
export const protocol = guarded('protocol');
export const safeStorage = guarded('safeStorage');
export const session = guarded('session');
export const shell = guarded('shell');
export const utilityProcess = guarded('utilityProcess');
export const net = guarded('net');
export const dialog = guarded('dialog');
export const clipboard = guarded('clipboard');
export default guarded('electron');
