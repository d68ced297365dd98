/**
 * Sandboxed preload (bundled as CommonJS): exposes only `window.fieldwork.invoke`,
 * never ipcRenderer itself. Op names are checked here; inputs by the backend.
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { FieldworkApi } from '#shared/api/contract';
import { IPC_PREFIX, isOpName } from '#shared/api/ops';
import { fail, type Result } from '#shared/api/result';

const invoke = async (op: unknown, input: unknown): Promise<Result<unknown>> => {
  if (!isOpName(op)) return fail('unknown_operation', 'Unknown operation.');
  try {
    return (await ipcRenderer.invoke(IPC_PREFIX + op, input)) as Result<unknown>;
  } catch {
    return fail('unavailable', 'The application did not answer. Please try again.');
  }
};

const api: FieldworkApi = { invoke: invoke as FieldworkApi['invoke'] };

contextBridge.exposeInMainWorld('fieldwork', api);
