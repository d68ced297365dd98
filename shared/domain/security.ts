import { z } from 'zod';

/** Idle times the app may lock after, in minutes; 0 is "never". */
export const IDLE_LOCK_MINUTES = [0, 5, 15, 30, 60] as const;
export type IdleLockMinutes = (typeof IDLE_LOCK_MINUTES)[number];
/** Where no choice was made: a quarter of an hour, long enough for an interview, short enough for a train seat. */
export const DEFAULT_IDLE_LOCK_MINUTES: IdleLockMinutes = 15;

/** A recovery passphrase's floor: long enough to resist guessing offline for years at scrypt's cost. */
export const PASSPHRASE_MIN_LENGTH = 12;
export const PASSPHRASE_MAX_LENGTH = 1024;
/** "aaaaaaaaaaaa" or "121212121212" is long but not strong: a few different characters at least. */
export const PASSPHRASE_MIN_DISTINCT = 5;

/** Why a passphrase is too weak, in words a user understands; null when it is strong enough. */
export function passphraseWeakness(passphrase: string): string | null {
  const chars = [...passphrase];
  if (passphrase.trim() === '') return 'Enter a passphrase.';
  if (chars.length < PASSPHRASE_MIN_LENGTH) {
    return `A passphrase needs at least ${PASSPHRASE_MIN_LENGTH} characters; a few unrelated words work well.`;
  }
  if (new Set(chars).size < PASSPHRASE_MIN_DISTINCT) {
    return `A passphrase needs at least ${PASSPHRASE_MIN_DISTINCT} different characters.`;
  }
  return null;
}

/** A passphrase as typed to unlock: not checked for strength (the key file decides), only bounded. */
const Typed = z
  .string()
  .min(1, 'Enter the passphrase.')
  .max(PASSPHRASE_MAX_LENGTH, `A passphrase has at most ${PASSPHRASE_MAX_LENGTH} characters.`);

const checkNew = (v: { passphrase?: string | undefined; confirm?: string | undefined }, ctx: z.RefinementCtx) => {
  if (v.passphrase === undefined) return;
  const weak = passphraseWeakness(v.passphrase);
  if (weak) ctx.addIssue({ code: 'custom', path: ['passphrase'], message: weak });
  else if (v.confirm !== v.passphrase) {
    ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The two passphrases are not the same.' });
  }
};

/** A new passphrase with its confirmation: strong enough, and typed the same twice. */
export const NewPassphrase = z
  .strictObject({ passphrase: Typed, confirm: z.string().max(PASSPHRASE_MAX_LENGTH) })
  .superRefine(checkNew);

/** Encrypting a plain folder: with a recovery passphrase (required where there is no OS keychain). */
export const EncryptInput = z
  .strictObject({ passphrase: Typed.optional(), confirm: z.string().max(PASSPHRASE_MAX_LENGTH).optional() })
  .superRefine(checkNew);

/**
 * Reading the status; `active` says the window's user did something since the last call (typed, clicked): that
 * keeps the app from locking as idle as any operation does, while the window's own polling does not.
 */
export const StatusInput = z.strictObject({ active: z.boolean().optional() });

/** Unlocking: the passphrase, or nothing to ask the OS keychain (desktop). */
export const UnlockInput = z.strictObject({ passphrase: Typed.optional() });

export const IdleLockInput = z.strictObject({
  minutes: z
    .number()
    .int()
    .refine((m) => (IDLE_LOCK_MINUTES as readonly number[]).includes(m), 'Choose off, 5, 15, 30 or 60 minutes.'),
});

/** What opens the folder at start: this computer's OS keychain, or the passphrase asked every time. */
export const KeychainUnlockInput = z.strictObject({ unlockAtStart: z.enum(['keychain', 'passphrase']) });

export const SecurityStatus = z.object({
  /** The data folder has a key file: its database and files are encrypted. */
  encrypted: z.boolean(),
  /** The key and the database are dropped: every operation but unlocking is refused. */
  locked: z.boolean(),
  /** How this session was unlocked; null for a plain or locked folder. */
  unlockedBy: z.enum(['keychain', 'passphrase']).nullable(),
  /** The key file holds a passphrase wrap: the folder (and its backups) open on any computer with it. */
  hasPassphrase: z.boolean(),
  /** The key file holds an OS-keychain wrap: this computer's user account unlocks it without typing. */
  hasKeychain: z.boolean(),
  /** This host can reach an OS keychain (the desktop app with a secret service). */
  keychainAvailable: z.boolean(),
  /** This host can lock and unlock again (the desktop app and the preview host; not the CLI). */
  canLock: z.boolean(),
  idleLockMinutes: z.number().int().nonnegative(),
});
export type SecurityStatus = z.infer<typeof SecurityStatus>;

/**
 * A plain data folder being encrypted while the desktop app starts (its first start after the upgrade): the main
 * process answers from the backend's progress messages, as the backend itself is busy converting. Any backend that
 * can answer is not converting.
 */
export const ConversionStatus = z.object({
  active: z.boolean(),
  fraction: z.number().min(0).max(1),
  /** What is being done, in words ('Copying the database', ...); empty when idle. */
  stage: z.string().max(200),
});
export type ConversionStatus = z.infer<typeof ConversionStatus>;
