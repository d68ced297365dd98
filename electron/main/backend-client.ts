import { fail, type Result } from '#shared/api/result';
import {
  isHostReply,
  type HostBytes,
  type HostBytesBody,
  type HostRequest,
  type HostShutdown,
} from './backend-messages';

/** The part of Electron's UtilityProcess the client uses (a fake in tests). */
export interface BackendProcess {
  postMessage(message: HostRequest | HostBytes | HostShutdown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface BackendClient {
  /** Always resolves with an envelope, never rejects. */
  call(op: string, input: unknown): Promise<Result<unknown>>;
  /** A byte-channel request (byte-relay.ts), answered like a call. */
  bytes(request: HostBytesBody): Promise<Result<unknown>>;
  /** Starts the process now (it is otherwise started by the first call). */
  start(): void;
  /** Asks the process to close the database and exit; kills it after `stopTimeoutMs`. */
  stop(): Promise<void>;
  readonly running: boolean;
}

const unavailable = (): Result<never> =>
  fail('unavailable', 'The Fieldwork backend stopped unexpectedly. Please try again.');

/**
 * Talks to the backend utility process: correlates replies by request id,
 * answers `unavailable` for calls in flight when the process dies, and forks
 * a fresh process on the next call.
 */
export function createBackendClient(spawn: () => BackendProcess, stopTimeoutMs = 3000): BackendClient {
  let child: {
    proc: BackendProcess;
    pending: Map<number, (r: Result<unknown>) => void>;
    exited: Promise<void>;
  } | null = null;
  let nextId = 1;

  const start = () => {
    if (child) return child;
    const proc = spawn();
    const pending = new Map<number, (r: Result<unknown>) => void>();
    let onExit = () => {};
    const exited = new Promise<void>((resolve) => (onExit = resolve));
    const current = { proc, pending, exited };
    proc.on('message', (message) => {
      if (!isHostReply(message)) return;
      const resolve = pending.get(message.id);
      pending.delete(message.id);
      resolve?.(message.result);
    });
    proc.on('exit', () => {
      if (child === current) child = null;
      for (const resolve of pending.values()) resolve(unavailable());
      pending.clear();
      onExit();
    });
    child = current;
    return current;
  };

  /** Posts the message made for a fresh id; resolves with the reply of that id. */
  const send = (message: (id: number) => HostRequest | HostBytes): Promise<Result<unknown>> => {
    let current: ReturnType<typeof start>;
    try {
      current = start();
    } catch (err) {
      console.error('Fieldwork backend failed to start:', err);
      return Promise.resolve(unavailable());
    }
    const id = nextId++;
    return new Promise((resolve) => {
      current.pending.set(id, resolve);
      try {
        current.proc.postMessage(message(id));
      } catch {
        current.pending.delete(id);
        resolve(fail('internal', 'The request could not be sent to the backend.'));
      }
    });
  };

  return {
    get running() {
      return child !== null;
    },
    start() {
      try {
        start();
      } catch (err) {
        console.error('Fieldwork backend failed to start:', err);
      }
    },
    call(op, input) {
      return send((id) => ({ id, op, input }));
    },
    bytes(request) {
      return send((id) => ({ ...request, id }));
    },
    async stop() {
      const current = child;
      if (!current) return;
      try {
        current.proc.postMessage({ type: 'shutdown' });
      } catch {
        current.proc.kill();
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timedOut = new Promise<'timeout'>(
        (resolve) => (timer = setTimeout(() => resolve('timeout'), stopTimeoutMs)),
      );
      if ((await Promise.race([current.exited, timedOut])) === 'timeout') current.proc.kill();
      clearTimeout(timer);
    },
  };
}
