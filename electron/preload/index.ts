/**
 * Sandboxed preload (bundled as CommonJS): exposes `window.fieldwork.invoke`
 * and the desktop's few extras, never ipcRenderer itself. Op names are checked
 * here; inputs by the backend.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { DesktopApi, FieldworkApi } from '#shared/api/contract';
import { DESKTOP_CHANNELS } from '#shared/api/desktop';
import { IPC_PREFIX, isRendererOp } from '#shared/api/ops';
import { fail, type Result } from '#shared/api/result';

const send = async <T>(channel: string, input?: unknown): Promise<Result<T>> => {
  try {
    return (await ipcRenderer.invoke(channel, input)) as Result<T>;
  } catch {
    return fail('unavailable', 'The application did not answer. Please try again.');
  }
};

// Main-only operations (evidence.importPaths) are refused like unknown ones: the page cannot name a path.
const invoke = (op: unknown, input: unknown): Promise<Result<unknown>> =>
  isRendererOp(op) ? send(IPC_PREFIX + op, input) : Promise.resolve(fail('unknown_operation', 'Unknown operation.'));

/** The file's path, or '' for a file a script made (a pasted image) and for anything that is not a File. */
const pathOf = (file: unknown): string => {
  try {
    return webUtils.getPathForFile(file as File);
  } catch {
    return ''; // not a File at all
  }
};

const fileName = (file: unknown): string => {
  const name = (file as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : 'a file';
};

/**
 * The paths of files the user chose or dropped, looked up here from the File
 * objects themselves (Electron's webUtils): the page's scripts never give a
 * path. A File a script made has none, and anything else is not a File: the
 * whole import is refused, naming it.
 */
function pathsOf(files: unknown): Result<string[]> {
  if (!Array.isArray(files)) return fail('invalid_input', 'Choose the files to import.');
  const paths: string[] = [];
  for (const file of files as unknown[]) {
    const path = pathOf(file);
    if (!path) {
      return fail(
        'invalid_input',
        `“${fileName(file)}” is not a file on this computer; choose it with Add files or drop it from a folder.`,
      );
    }
    paths.push(path);
  }
  return { ok: true, value: paths };
}

const desktop: DesktopApi = {
  importFiles: (files, target) => {
    const paths = pathsOf(files);
    if (!paths.ok) return Promise.resolve(paths);
    // The paths go last: whatever the page put in its target, these are the files it may name.
    const t = (typeof target === 'object' && target !== null ? target : {}) as Record<string, unknown>;
    return send(DESKTOP_CHANNELS.importPaths, {
      importId: t.importId,
      auditId: t.auditId,
      links: t.links,
      description: t.description,
      addedBy: t.addedBy,
      paths: paths.value,
    });
  },
  // Only whether it has one: the path itself never reaches the page.
  isOnDisk: (file) => pathOf(file) !== '',
  showDataFolder: () => send(DESKTOP_CHANNELS.showDataFolder),
  quit: () => send(DESKTOP_CHANNELS.quit),
};

const api: FieldworkApi = { invoke: invoke as FieldworkApi['invoke'], desktop };

contextBridge.exposeInMainWorld('fieldwork', api);
