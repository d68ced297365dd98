import { z } from 'zod';
import {
  BackupCreateInput,
  BackupJob,
  BackupJobRef,
  BackupList,
  BackupRestoreInput,
  BackupSettings,
} from '../../domain/backup';
import { DraftKey } from '../../domain/draft-key';
import {
  EncryptInput,
  IdleLockInput,
  NewPassphrase,
  SecurityStatus,
  ConversionStatus,
  KeychainUnlockInput,
  StatusInput,
  UnlockInput,
} from '../../domain/security';
import { DemoLoaded, DemoProgress } from '../../domain/demo';
import { Nothing } from './common';
import type { OpShapes } from './common';

/** The app itself: its identity, backups, data-folder security, and the demo data. */
export const systemOps = {
  'app.info': {
    input: Nothing,
    output: z.object({
      version: z.string(),
      deviceId: z.string(),
      schemaVersion: z.number().int(),
      /** Things the user should know about this start-up (e.g. the data folder's permissions were tightened). */
      notices: z.array(z.string()),
    }),
  },
  /**
   * Backups of the data folder (issue 15): the files in its backups/ with what each holds; a backup or a restore
   * into a new folder runs as a job (poll status for progress, cancel); settings keep the newest N.
   */
  'backups.list': { input: Nothing, output: BackupList },
  'backups.create': { input: BackupCreateInput, output: BackupJob },
  'backups.status': { input: BackupJobRef, output: BackupJob },
  'backups.cancel': { input: BackupJobRef, output: BackupJob },
  'backups.restore': { input: BackupRestoreInput, output: BackupJob },
  'backups.settings': { input: BackupSettings, output: BackupSettings },

  /**
   * The data folder's encryption (issue 15): whether it is encrypted and how unlocked; a recovery passphrase set
   * or changed (re-wraps the key, nothing re-encrypted); a plain folder encrypted; the app locked (key and
   * database dropped) and unlocked; the idle time it locks after. Every answer is the status.
   */
  'security.status': { input: StatusInput, output: SecurityStatus },
  'security.setPassphrase': { input: NewPassphrase, output: SecurityStatus },
  'security.encrypt': { input: EncryptInput, output: SecurityStatus },
  'security.lock': { input: Nothing, output: SecurityStatus },
  'security.unlock': { input: UnlockInput, output: SecurityStatus },
  'security.setIdleLock': { input: IdleLockInput, output: SecurityStatus },
  /** Keychain unlocking on or off (off: the key is wrapped by the passphrase only, asked at every start). */
  'security.setKeychainUnlock': { input: KeychainUnlockInput, output: SecurityStatus },
  /** The draft journal's key (renderer IndexedDB), derived for this folder; refused while locked. */
  'security.draftKey': { input: Nothing, output: DraftKey },
  /** The start-up encryption of a plain folder (desktop: answered by the main process while it runs). */
  'security.conversion': { input: Nothing, output: ConversionStatus },

  /**
   * The demo data (`fieldwork demo`) from the first-run list: refused unless the folder holds no client; a
   * failure part-way removes what it added. Takes several seconds: progress counts its operations done.
   */
  'demo.load': { input: Nothing, output: DemoLoaded },
  'demo.progress': { input: Nothing, output: DemoProgress },
} as const satisfies OpShapes;
