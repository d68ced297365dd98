import { fail, type Result } from '#shared/api/result';
import { isHostBytes, isHostRequest, isHostShutdown, type HostBytes, type HostReply } from './backend-messages';
import { describeBackendStartError } from './native-abi';

/** Electron's `process.parentPort`, declared here so the host never imports 'electron'. */
export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: HostReply): void;
}

/** The part of the backend's byte channel the relay uses (core's ByteDoor). */
export interface ByteRelayTarget {
  put(
    uploadId: string,
    offset: number,
    body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ): Promise<Result<{ received: number }>>;
  file(downloadId: string): Result<{ size: number }>;
  read(downloadId: string, offset: number, length: number): Promise<Result<Uint8Array>>;
}

export interface Dispatcher {
  dispatch(op: string, input: unknown): Promise<Result<unknown>>;
  readonly bytes: ByteRelayTarget;
  /** Imports the code of the operations not used yet (core's Backend.warm). */
  warm?(): Promise<void>;
  close(): void;
}

/**
 * The host warms the backend (Dispatcher.warm) once it has answered the app's
 * first requests and none has been in flight for this long: the imports (the
 * report's, signing's: most of a second) then never hold up the first screen,
 * and a later first export or signature does not wait for them.
 */
export const WARM_AFTER_IDLE_MS = 300;

/** Calls `warm` once, `afterMs` after the last answer when nothing is in flight; never before a first answer. */
function warmWhenIdle(warm: (() => Promise<void>) | undefined, afterMs: number) {
  let inFlight = 0;
  // Armed only by an answer: before the first, the app's first screen is still asking.
  let done = warm === undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    begin() {
      inFlight++;
      clearTimeout(timer);
    },
    end() {
      inFlight--;
      clearTimeout(timer);
      if (done || inFlight > 0) return;
      timer = setTimeout(() => {
        done = true;
        // A failed import is not fatal: the operation that needs it reports it when called.
        warm?.().catch(() => undefined);
      }, afterMs);
    },
    stop() {
      done = true;
      clearTimeout(timer);
    },
  };
}

/** A byte-channel request from main: a put's one piece, or a read's bytes with the file's size. */
async function relayBytes(bytes: ByteRelayTarget, m: HostBytes): Promise<Result<unknown>> {
  if (m.bytes === 'put') {
    return bytes.put(m.uploadId, m.offset, [m.data]);
  }
  const file = bytes.file(m.downloadId);
  if (!file.ok) return file;
  const data = await bytes.read(m.downloadId, m.offset, m.length);
  return data.ok ? { ok: true, value: { size: file.value.size, data: data.value } } : data;
}

export interface HostOptions {
  dataDir: string;
  appVersion?: string;
}

/** Reads `--data-dir=` / `--app-version=` from argv, falling back to FIELDWORK_DATA_DIR / FIELDWORK_APP_VERSION. */
export function parseHostOptions(argv: readonly string[], env: Record<string, string | undefined>): HostOptions | null {
  const flag = (name: string) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const dataDir = flag('data-dir') || env.FIELDWORK_DATA_DIR;
  if (!dataDir) return null;
  const appVersion = flag('app-version') || env.FIELDWORK_APP_VERSION;
  return appVersion ? { dataDir, appVersion } : { dataDir };
}

/**
 * Opens the backend, then answers every `{id, op, input}` with `{id, result}`.
 * If opening failed, every call gets `unavailable` with a hint rather than the
 * process crash-looping. `{type:'shutdown'}` closes the database and exits.
 * Once the first answers are out and the host is idle, it warms the backend.
 */
export async function serveBackend(
  port: ParentPortLike,
  open: () => Dispatcher | Promise<Dispatcher>,
  exit: (code: number) => void,
  warmAfterMs = WARM_AFTER_IDLE_MS,
): Promise<void> {
  let backend: Dispatcher | null = null;
  let startError = '';
  try {
    backend = await open();
  } catch (err) {
    startError = describeBackendStartError(err);
    console.error('Fieldwork backend failed to open:', err instanceof Error ? err.message : err);
  }
  const warmer = warmWhenIdle(backend?.warm?.bind(backend), warmAfterMs);
  // parentPort queues messages until this listener exists, so none are lost while opening.
  port.on('message', ({ data }) => void answer(data));

  async function answer(data: unknown): Promise<void> {
    if (isHostShutdown(data)) {
      warmer.stop();
      try {
        backend?.close();
      } finally {
        exit(0);
      }
      return;
    }
    const message = isHostBytes(data) || isHostRequest(data) ? data : null;
    if (!message) return;
    let result: Result<unknown>;
    if (!backend) {
      result = fail('unavailable', startError);
    } else {
      warmer.begin();
      try {
        result =
          'bytes' in message
            ? await relayBytes(backend.bytes, message)
            : await backend.dispatch(message.op, message.input);
      } catch (err) {
        const what = 'bytes' in message ? 'the byte channel' : message.op;
        console.error('Fieldwork backend error in', what, err instanceof Error ? err.name : typeof err);
        result = fail('internal', 'Unexpected error in the backend.');
      } finally {
        warmer.end();
      }
    }
    port.postMessage({ id: message.id, result });
  }
}
