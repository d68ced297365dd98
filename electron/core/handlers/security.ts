import type { SecurityStatus } from '#shared/domain/security';
import { DomainError } from '#shared/api/result';
import { readIdleLockMinutes, writeIdleLockMinutes } from '../crypto/lock-settings';
import { readKeyFile, setKeychainWrap, setPassphraseWrap, wrapKinds, type ScryptParams } from '../crypto/key-file';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';
import { draftKeyOf } from './draft-key';

type SecurityOps = Extract<keyof Handlers, `security.${string}`>;

/**
 * What the security operations need of whoever holds the data folder: the lockable session of the app and the
 * preview host (crypto/session.ts), or a plain backend (CLI, tests), which cannot lock.
 */
export interface SecurityHost {
  readonly dataDir: string;
  /** The data key while unlocked; null for a plain folder or while locked. */
  dataKey(): Buffer | null;
  locked(): boolean;
  unlockedBy(): SecurityStatus['unlockedBy'];
  readonly canLock: boolean;
  /** scrypt's cost for a new passphrase wrap (tests pass a cheap one; default key-file.ts's SCRYPT). */
  readonly scrypt?: ScryptParams;
  keychainAvailable(): Promise<boolean>;
  /** The key wrapped by the OS keychain (the desktop app asks its main process); null where there is none. */
  keychainWrap(key: Buffer): Promise<Buffer | null>;
  lock(): Promise<void>;
  unlock(passphrase: string | undefined): Promise<void>;
  encrypt(passphrase: string | undefined): Promise<void>;
}

export async function securityStatus(host: SecurityHost): Promise<SecurityStatus> {
  const file = readKeyFile(host.dataDir);
  const locked = host.locked();
  return {
    encrypted: file !== null,
    locked,
    unlockedBy: locked || !file ? null : host.unlockedBy(),
    ...wrapKinds(file),
    keychainAvailable: await host.keychainAvailable(),
    canLock: host.canLock && file !== null,
    idleLockMinutes: readIdleLockMinutes(host.dataDir),
  };
}

/**
 * The security operations over a host. They work on the key file and security.json, never the database: they
 * take no transaction (a locked host has no database open). A passphrase is never logged or journaled; it lives
 * only in this call.
 */
export function securityOps(host: SecurityHost): Pick<Handlers, SecurityOps> {
  const status = () => securityStatus(host);
  return {
    'security.status': status,
    'security.setPassphrase': async ({ passphrase }) => {
      const key = host.dataKey();
      if (host.locked()) throw new DomainError('locked', 'Fieldwork is locked; unlock it first.');
      if (!key) {
        throw new DomainError(
          'conflict',
          'This data folder is not encrypted; encrypt it (with this passphrase) first.',
        );
      }
      setPassphraseWrap(host.dataDir, key, passphrase, host.scrypt);
      return status();
    },
    'security.encrypt': async ({ passphrase }) => {
      if (readKeyFile(host.dataDir)) throw new DomainError('conflict', 'This data folder is already encrypted.');
      await host.encrypt(passphrase);
      return status();
    },
    'security.lock': async () => {
      if (!readKeyFile(host.dataDir)) {
        throw new DomainError(
          'conflict',
          'This data folder is not encrypted, so locking would protect nothing; encrypt it first.',
        );
      }
      await host.lock();
      return status();
    },
    'security.unlock': async ({ passphrase }) => {
      await host.unlock(passphrase);
      return status();
    },
    'security.setIdleLock': async ({ minutes }) => {
      writeIdleLockMinutes(host.dataDir, minutes as Parameters<typeof writeIdleLockMinutes>[1]);
      return status();
    },
    'security.setKeychainUnlock': async ({ unlockAtStart }) => {
      if (host.locked()) throw new DomainError('locked', 'Fieldwork is locked; unlock it first.');
      const key = host.dataKey();
      if (!key) throw new DomainError('conflict', 'This data folder is not encrypted; encrypt it first.');
      if (unlockAtStart === 'keychain') {
        const wrapped = await host.keychainWrap(key);
        if (!wrapped) {
          throw new DomainError(
            'unsupported',
            'This computer has no OS keychain Fieldwork can use, so it asks for the passphrase at every start.',
          );
        }
        setKeychainWrap(host.dataDir, key, wrapped);
      } else {
        // Checked here for the words; key-file.ts refuses a key file with no wrap left as well.
        if (!readKeyFile(host.dataDir)?.wraps.some((w) => w.kind === 'passphrase')) {
          throw new DomainError(
            'conflict',
            'Set a recovery passphrase first: without the keychain it is the only way to open the folder.',
          );
        }
        setKeychainWrap(host.dataDir, key, null);
      }
      return status();
    },
    'security.draftKey': () => draftKeyOf(host),
    // A backend that answers has finished any start-up conversion (the desktop's main answers while one runs).
    'security.conversion': () => ({ active: false, fraction: 1, stage: '' }),
  };
}

/**
 * A backend opened without a session (the CLI, tests): it holds its key until it closes, and cannot lock. Its
 * passphrase (if any) came from --data-passphrase-file.
 */
export const securityHandlers = (ctx: RepoContext, _tx: Tx): Pick<Handlers, SecurityOps> =>
  securityOps({
    dataDir: ctx.dataDir,
    dataKey: () => ctx.dataKey ?? null,
    locked: () => false,
    unlockedBy: () => (ctx.dataKey ? 'passphrase' : null),
    canLock: false,
    keychainAvailable: () => Promise.resolve(false),
    keychainWrap: () => Promise.resolve(null),
    lock: () => {
      throw new DomainError(
        'unsupported',
        'Only the app and the preview host can lock; a command holds the folder only while it runs.',
      );
    },
    unlock: () => {
      throw new DomainError('conflict', 'Fieldwork is not locked.');
    },
    encrypt: () => {
      throw new DomainError(
        'unsupported',
        'A data folder is encrypted while nothing has it open: run `fieldwork encrypt --data-dir FOLDER`.',
      );
    },
  });
