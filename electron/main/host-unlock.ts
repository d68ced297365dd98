import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ParentPortLike } from './backend-serve';

/**
 * The OS keychain as the backend process reaches it: safeStorage exists only in the main process, so the host
 * asks main to wrap or unwrap (`{type:'keychain'}` messages, app.ts answers them). The data folder's key never
 * passes through main's argv or environment; only the wrapped form and the key itself cross this port.
 */
export interface HostKeychain {
  /** Null when the OS offers no keychain (Linux without a secret service): the folder stays as it is. */
  encrypt(plain: Uint8Array): Promise<Uint8Array | null>;
  decrypt(wrapped: Uint8Array): Promise<Uint8Array | null>;
}

export interface KeychainRequest {
  type: 'keychain';
  id: number;
  op: 'encrypt' | 'decrypt';
  data: Uint8Array;
}
export interface KeychainAnswer {
  type: 'keychain-answer';
  id: number;
  /** Null: no keychain, or it could not unwrap (another user's or computer's). */
  data: Uint8Array | null;
}

const isRecord = (m: unknown): m is Record<string, unknown> => typeof m === 'object' && m !== null;
export const isKeychainRequest = (m: unknown): m is KeychainRequest =>
  isRecord(m) &&
  m.type === 'keychain' &&
  typeof m.id === 'number' &&
  (m.op === 'encrypt' || m.op === 'decrypt') &&
  m.data instanceof Uint8Array;
const isKeychainAnswer = (m: unknown): m is KeychainAnswer =>
  isRecord(m) && m.type === 'keychain-answer' && typeof m.id === 'number';

/**
 * Splits the parent port: keychain answers go to the keychain, everything else to the port handed to
 * serveBackend — kept until its listener exists, as Electron's own parentPort keeps messages until one does
 * (a listener of ours on the real port would otherwise take the app's first calls while the folder opens).
 */
export function splitPort(real: ParentPortLike & { postMessage(m: unknown): void }): {
  port: ParentPortLike;
  keychain: HostKeychain;
} {
  const waiting = new Map<number, (data: Uint8Array | null) => void>();
  const held: { data: unknown }[] = [];
  let listener: ((event: { data: unknown }) => void) | null = null;
  let nextId = 1;
  real.on('message', (event) => {
    if (isKeychainAnswer(event.data)) {
      const resolve = waiting.get(event.data.id);
      waiting.delete(event.data.id);
      resolve?.(event.data.data instanceof Uint8Array ? event.data.data : null);
    } else if (listener) listener(event);
    else held.push(event);
  });
  const ask = (op: KeychainRequest['op'], data: Uint8Array) =>
    new Promise<Uint8Array | null>((resolve) => {
      const id = nextId++;
      waiting.set(id, resolve);
      real.postMessage({ type: 'keychain', id, op, data } satisfies KeychainRequest);
    });
  return {
    port: {
      on: (_event, l) => {
        listener = l;
        for (const event of held.splice(0)) l(event);
      },
      postMessage: (m) => real.postMessage(m),
    },
    keychain: { encrypt: (d) => ask('encrypt', d), decrypt: (d) => ask('decrypt', d) },
  };
}

/** A start-up conversion's progress: how far (0–1) and what it is doing, in words. */
export type ConversionProgress = (fraction: number, stage: string) => void;

/** The backend process tells main how a start-up conversion goes (main answers the window's security.conversion). */
export interface ConversionMessage {
  type: 'conversion';
  fraction: number;
  stage: string;
  done: boolean;
}
export const isConversionMessage = (m: unknown): m is ConversionMessage =>
  isRecord(m) &&
  m.type === 'conversion' &&
  typeof m.fraction === 'number' &&
  typeof m.stage === 'string' &&
  typeof m.done === 'boolean';

/** The part of core's front door (#core/backend) unlocking needs: passed in, as the host imports core lazily. */
export type UnlockTools = Pick<
  typeof import('#core/backend'),
  'DATABASE_FILE' | 'readKeyFile' | 'unlockDataDir' | 'encryptDataDir' | 'newDataKey' | 'wrapDataKey' | 'writeKeyFile'
>;

/**
 * The desktop app's data key: an encrypted folder is unlocked by the keychain. With `encrypt` (the default;
 * FIELDWORK_ENCRYPT_DATA_DIR=0 turns it off, backend-host.ts), a plain folder is converted on this start
 * (crash-safe, core's encryptDataDir) and a new folder starts encrypted, both with a key the keychain wraps. A key
 * wrapped only by this computer's keychain leaves backups unreadable on another computer: Settings → Security and
 * the first-run list ask for a recovery passphrase until one is set (security.setPassphrase).
 * Null when the OS has no keychain: the folder stays plain, stderr says so, and the app asks for a passphrase.
 */
export async function desktopDataKey(
  dataDir: string,
  keychain: HostKeychain,
  tools: UnlockTools,
  encrypt = true,
  onProgress?: ConversionProgress,
): Promise<Buffer | null> {
  const file = tools.readKeyFile(dataDir);
  if (file) {
    const wrap = file.wraps.find((w): w is { kind: 'keychain'; wrapped: string } => w.kind === 'keychain');
    const plain = wrap ? await keychain.decrypt(Buffer.from(wrap.wrapped, 'base64')) : null;
    // Checked by core against the key file (a wrong key is refused there, in words).
    return tools.unlockDataDir(dataDir, plain ? { keychain: fixed(Buffer.from(plain)) } : {});
  }
  if (!encrypt) return null;
  const key = tools.newDataKey();
  const wrapped = await keychain.encrypt(key);
  if (!wrapped) {
    process.stderr.write(
      'Fieldwork: no OS keychain is available; the data folder stays unencrypted until a passphrase is chosen in Settings → Security.\n',
    );
    return null;
  }
  const sealedBy = fixed(Buffer.from(wrapped));
  if (existsSync(join(dataDir, tools.DATABASE_FILE))) {
    process.stderr.write('Fieldwork: encrypting the data folder (once)…\n');
    // The window shows these (main answers security.conversion from them: this process is busy until done).
    onProgress?.(0, 'Preparing to encrypt the data folder');
    return tools.encryptDataDir(dataDir, { keychain: sealedBy }, { dataKey: key, onProgress });
  }
  // A new folder: its database is created encrypted by the first open.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  tools.writeKeyFile(dataDir, tools.wrapDataKey(key, { keychain: sealedBy }));
  return key;
}

/**
 * How the desktop app's session starts (core's openSession): unlocked by the keychain, or plain (no keychain: the
 * Security settings and the first-run list then ask for a passphrase to encrypt with), or locked — the key file has
 * no keychain wrap ("always ask", or a folder made by `fieldwork encrypt`) or this computer's keychain cannot open
 * it (a folder brought from another computer): the window's lock screen asks for the passphrase.
 */
export async function desktopStart(
  dataDir: string,
  keychain: HostKeychain,
  tools: UnlockTools,
  encrypt = true,
  onProgress?: ConversionProgress,
): Promise<{ key: Buffer | null; by: 'keychain' | null } | 'locked'> {
  try {
    const key = await desktopDataKey(dataDir, keychain, tools, encrypt, onProgress);
    return { key, by: key ? 'keychain' : null };
  } catch (e) {
    if ((e as { code?: unknown }).code === 'unauthorized') return 'locked';
    throw e;
  }
}

/** The keychain as core's session asks it (wrap a new key, unwrap at unlock), through main. */
export const sessionKeychain = (keychain: HostKeychain) => ({
  wrap: async (key: Buffer) => {
    const out = await keychain.encrypt(key);
    return out ? Buffer.from(out) : null;
  },
  unwrap: async (wrapped: Buffer) => {
    const out = await keychain.decrypt(wrapped);
    return out ? Buffer.from(out) : null;
  },
});

/** A keychain whose one answer was fetched from main beforehand (core's key-file code is synchronous). */
const fixed = (answer: Buffer) => ({ encrypt: () => answer, decrypt: () => answer });
