import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { IPC_PREFIX, OP_NAMES, isRendererOp, type OpName } from '#shared/api/ops';
import { fail, type Result } from '#shared/api/result';
import { APP_ORIGIN } from './protocol-path';

/** Only the top frame of our window, showing our own page, may call the API. */
export function isTrustedSender(event: IpcMainInvokeEvent, win: BrowserWindow | null): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  let frame: IpcMainInvokeEvent['senderFrame'];
  try {
    frame = event.senderFrame; // may throw or be null once the frame is gone
  } catch {
    return false;
  }
  return !!frame && frame === win.webContents.mainFrame && frame.url.startsWith(`${APP_ORIGIN}/`);
}

/**
 * One handler per op on `fieldwork:<op>`. Inputs are not validated here: the
 * backend validates every input against the contract itself. Main-only ops
 * (MAIN_ONLY_OPS: a path to read) get no channel: the page cannot send them.
 */
export function registerIpcHandlers(
  getWindow: () => BrowserWindow | null,
  call: (op: OpName, input: unknown) => Promise<Result<unknown>>,
): void {
  for (const op of OP_NAMES.filter(isRendererOp)) {
    ipcMain.handle(IPC_PREFIX + op, (event, input: unknown) => {
      if (!isTrustedSender(event, getWindow())) {
        return Promise.resolve(fail('forbidden', 'This window may not use the Fieldwork API.'));
      }
      return call(op, input);
    });
  }
}
