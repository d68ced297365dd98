import { contract } from '#shared/api/contract';
import type { OpInput, OpOutput } from '#shared/api/contract';
import type { OpName } from '#shared/api/ops';
import { DomainError, fail, ok, type Result } from '#shared/api/result';
import { findIllFormedText } from '#shared/domain/common';
import type { SecurityStatus } from '#shared/domain/security';
import { illFormed, invalid, toEnvelope, type ByteDoor, type ServedBackend } from '../backend';
import { securityOps, type SecurityHost } from '../handlers/security';
import { readIdleLockMinutes } from './lock-settings';
import { encryptDataDir } from './convert';
import { newDataKey, readKeyFile, unwrapDataKey, type KeychainWrap, type ScryptParams } from './key-file';

/** The OS keychain as a host reaches it (the desktop app asks its main process); absent in the preview host. */
export interface SessionKeychain {
  /** The key wrapped by the keychain; null when the OS has none. */
  wrap(key: Buffer): Promise<Buffer | null>;
  /** The key the keychain unwraps; null when it cannot (none, or another user's or computer's). */
  unwrap(wrapped: Buffer): Promise<Buffer | null>;
}

export type UnlockedBy = NonNullable<SecurityStatus['unlockedBy']>;

export interface SessionOptions {
  dataDir: string;
  /** Opens the backend on the folder with its key (null: a plain folder). */
  open(dataKey: Buffer | null): ServedBackend;
  /** How the host starts: unlocked with this key (null for a plain folder), or locked (an encrypted folder with nothing that could unlock it yet). */
  initial: { key: Buffer | null; by: UnlockedBy | null } | 'locked';
  keychain?: SessionKeychain | null;
  /** A backstop beside the window's own idle timer: locks once no operation came for the chosen idle time (ms). */
  idleMs?: (minutes: number) => number;
  now?: () => number;
  /** scrypt's cost for new passphrase wraps (tests); default key-file.ts's SCRYPT. */
  scrypt?: ScryptParams;
}

/** What the front ends (preview host, desktop backend host) serve: the backend's door, lockable. */
export interface Session {
  dispatch(op: string, input: unknown): Promise<Result<unknown>>;
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  readonly bytes: ByteDoor;
  warm(): Promise<void>;
  close(): void;
  isLocked(): boolean;
}

/** Wrong passphrases allowed before unlocking slows down; then 2 s, 4 s, … up to a minute between tries. */
export const FREE_ATTEMPTS = 3;
const MAX_WAIT_MS = 60_000;

const lockedError = () =>
  new DomainError('locked', 'Fieldwork is locked. Unlock it with your passphrase to continue; nothing was changed.');

/**
 * Holds the data folder for a long-running host, lockable: locking waits for the operations in flight, then
 * closes the backend (database, workers, data lock) and drops the key, so a locked host cannot read the folder;
 * every operation but `security.status` and `security.unlock` is then refused with `locked`. Unlocking unwraps
 * the key again (passphrase, or the OS keychain) and reopens. Wrong passphrases are rate-limited.
 * The security operations are answered here (handlers/security.ts over this session), the rest by the backend.
 */
export function openSession(opts: SessionOptions): Session {
  const now = opts.now ?? Date.now;
  let backend: ServedBackend | null = null;
  let key: Buffer | null = null;
  let by: UnlockedBy | null = null;
  /** Set while locking, unlocking or encrypting: other operations wait for none of it, they are refused. */
  let busy: string | null = null;
  const inFlight = new Set<Promise<unknown>>();
  let failures = 0;
  let notBefore = 0;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;

  if (opts.initial !== 'locked') {
    backend = opts.open(opts.initial.key);
    key = opts.initial.key;
    by = opts.initial.by;
  }

  const drain = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  const drop = async () => {
    busy = 'locking';
    try {
      await drain();
      backend?.close();
    } finally {
      // The reference only: a job the close let finish may still hold it; zeroing it under that job would write
      // garbage. Nothing of this session reaches the key or the database once it is null.
      backend = null;
      key = null;
      by = null;
      busy = null;
    }
  };

  const openWith = (next: Buffer | null, how: UnlockedBy | null) => {
    backend = opts.open(next);
    key = next;
    by = how;
  };

  const keychainWrap = async (k: Buffer): Promise<KeychainWrap | null> => {
    const wrapped = opts.keychain ? await opts.keychain.wrap(k) : null;
    return wrapped ? { encrypt: () => wrapped, decrypt: () => k } : null;
  };

  const host: SecurityHost = {
    dataDir: opts.dataDir,
    dataKey: () => key,
    locked: () => backend === null,
    unlockedBy: () => by,
    canLock: true,
    ...(opts.scrypt ? { scrypt: opts.scrypt } : {}),
    keychainWrap: async (k) => (opts.keychain ? opts.keychain.wrap(k) : null),
    keychainAvailable: async () => {
      if (!opts.keychain) return false;
      return (await opts.keychain.wrap(Buffer.alloc(32))) !== null;
    },
    lock: async () => {
      if (backend === null) return;
      await drop();
    },
    unlock: async (passphrase) => {
      if (backend !== null) return;
      const file = readKeyFile(opts.dataDir);
      if (!file) {
        openWith(null, null);
        return;
      }
      if (passphrase === undefined) {
        const wrap = file.wraps.find((w) => w.kind === 'keychain');
        const plain = wrap && opts.keychain ? await opts.keychain.unwrap(Buffer.from(wrap.wrapped, 'base64')) : null;
        if (!plain) {
          throw new DomainError(
            'unauthorized',
            wrap && opts.keychain
              ? 'The OS keychain could not unlock this data folder; enter its passphrase.'
              : 'Enter the passphrase of this data folder to unlock it.',
          );
        }
        const unwrapped = unwrapDataKey(file, { keychain: { encrypt: () => plain, decrypt: () => plain } });
        openWith(unwrapped, 'keychain');
        return;
      }
      const wait = notBefore - now();
      if (wait > 0) {
        throw new DomainError(
          'unauthorized',
          `Too many wrong passphrases: try again in ${Math.ceil(wait / 1000)} seconds. Nothing was opened.`,
        );
      }
      let unwrapped: Buffer;
      try {
        unwrapped = unwrapDataKey(file, { passphrase });
      } catch (e) {
        if ((e as DomainError).code === 'wrong_passphrase') {
          failures++;
          if (failures >= FREE_ATTEMPTS)
            notBefore = now() + Math.min(MAX_WAIT_MS, 2000 * 2 ** (failures - FREE_ATTEMPTS));
        }
        throw e;
      }
      failures = 0;
      notBefore = 0;
      openWith(unwrapped, 'passphrase');
    },
    encrypt: async (passphrase) => {
      if (backend === null) throw lockedError();
      const next = newDataKey();
      const keychain = await keychainWrap(next);
      if (!keychain && passphrase === undefined) {
        throw new DomainError(
          'invalid_input',
          'There is no OS keychain on this computer to hold the key: choose a passphrase to encrypt with.',
        );
      }
      await drop();
      busy = 'encrypting';
      try {
        encryptDataDir(
          opts.dataDir,
          { passphrase: passphrase ?? null, keychain },
          { dataKey: next, ...(opts.scrypt ? { scrypt: opts.scrypt } : {}) },
        );
        openWith(next, keychain ? 'keychain' : 'passphrase');
      } catch (e) {
        // The conversion leaves the plain folder usable whatever failed (crypto/convert.ts): open it as it was.
        if (!readKeyFile(opts.dataDir)) openWith(null, null);
        throw e;
      } finally {
        busy = null;
      }
    },
  };
  const security = securityOps(host);

  const armIdle = () => {
    clearTimeout(idleTimer);
    if (closed || backend === null || !opts.idleMs) return;
    const minutes = readIdleLockMinutes(opts.dataDir);
    if (minutes === 0 || !readKeyFile(opts.dataDir)) return;
    idleTimer = setTimeout(() => {
      if (inFlight.size === 0 && backend !== null && busy === null) void drop();
      else armIdle();
    }, opts.idleMs(minutes));
    idleTimer.unref?.();
  };

  const runSecurity = async (op: OpName, input: unknown): Promise<Result<unknown>> => {
    const broken = findIllFormedText(input);
    if (broken) return illFormed(broken);
    const spec = contract[op];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    try {
      const handler = security[op as keyof typeof security] as (i: unknown) => Promise<unknown>;
      return ok(spec.output.parse(await handler(parsed.data)));
    } catch (e) {
      return toEnvelope(e);
    }
  };

  const dispatch = async (op: string, input: unknown): Promise<Result<unknown>> => {
    if (op.startsWith('security.')) {
      if (op !== 'security.status' && busy !== null) {
        return fail('unavailable', 'Fieldwork is locking or encrypting the data folder; try again in a moment.');
      }
      const result = await runSecurity(op as OpName, input);
      // The window's polling of the status is not activity; the user's typing (`active`) and every other call are.
      const active = op !== 'security.status' || (input as { active?: unknown } | null)?.active === true;
      if (active) armIdle();
      return result;
    }
    if (busy === 'encrypting') return fail('unavailable', 'Fieldwork is encrypting the data folder; wait a moment.');
    if (backend === null || busy !== null) return toEnvelope(lockedError());
    const running = backend.dispatch(op, input);
    inFlight.add(running);
    try {
      return await running;
    } finally {
      inFlight.delete(running);
      armIdle();
    }
  };

  const whenOpen = <T>(fn: (b: ServedBackend) => Promise<Result<T>> | Result<T>): Promise<Result<T>> | Result<T> =>
    backend === null || busy !== null ? toEnvelope(lockedError()) : fn(backend);

  armIdle();
  return {
    dispatch,
    call: <K extends OpName>(op: K, input: OpInput<K>) => dispatch(op, input) as Promise<Result<OpOutput<K>>>,
    bytes: {
      put: async (uploadId, offset, body) => whenOpen((b) => b.bytes.put(uploadId, offset, body)),
      file: (downloadId) => whenOpen((b) => b.bytes.file(downloadId)) as ReturnType<ByteDoor['file']>,
      read: async (downloadId, offset, length) => whenOpen((b) => b.bytes.read(downloadId, offset, length)),
    },
    warm: async () => {
      await backend?.warm();
    },
    close: () => {
      closed = true;
      clearTimeout(idleTimer);
      backend?.close();
      backend = null;
      key = null;
    },
    isLocked: () => backend === null,
  };
}
