import type { FieldworkApi } from '#shared/api/contract';
import { watchLocked } from './lockSignal';
import { createHttpApi, readPreviewToken } from './http';

let instance: FieldworkApi | undefined;

/**
 * One API for the whole renderer: the Electron preload's IPC bridge when it
 * is there, otherwise the HTTP transport of the browser preview.
 */
export function getApi(): FieldworkApi {
  // A `locked` answer also tells the lock screen (features/security).
  instance ??= watchLocked(window.fieldwork ?? createHttpApi(readPreviewToken()));
  return instance;
}
