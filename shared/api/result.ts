import { errorText, type ErrorParams, type ErrorText } from '#shared/i18n/errors/render';

export type { ErrorKey, ErrorParams, ErrorText } from '#shared/i18n/errors/render';

/** Every call across a process boundary answers with one of these envelopes. */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'unknown_operation',
  'unauthorized',
  'forbidden',
  'too_large',
  'unavailable',
  'unsupported',
  /** A signing key's passphrase (or keychain secret) did not unlock it. */
  'wrong_passphrase',
  /** The signing certificate has expired: signing needs the user's explicit confirmation. */
  'certificate_expired',
  /** An export job was cancelled by the user. */
  'cancelled',
  /** A team package signed by a certificate not known here: importing it needs the user's confirmation of its fingerprint. */
  'unknown_signer',
  'storage',
  /** The data folder's database failed SQLite's check at open: the message names the newest backup. */
  'database_corrupt',
  /** A backup file is damaged or changed: it was refused and nothing was restored. */
  'backup_damaged',
  /** The app is locked: its key and database are dropped until the passphrase (or keychain) unlocks it. */
  'locked',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field, so the UI can show it next to that field. */
export interface FieldIssue {
  path: (string | number)[];
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  /** English, exactly as before errors had keys: logs, scripts and tests read it. */
  message: string;
  /** The catalogue key (`errors:…`) a reader's language renders, with `params`; absent on errors not yet keyed. */
  key?: string;
  params?: ErrorParams;
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[], text?: ErrorText): Result<never> => ({
  ok: false,
  error: {
    code,
    message,
    ...(text ? { key: text.key, ...(text.params ? { params: text.params } : {}) } : {}),
    ...(issues && issues.length > 0 ? { issues } : {}),
  },
});

/** Thrown inside the backend for expected failures; turned into an envelope at the boundary. */
export class DomainError extends Error {
  /** The catalogue key and parameters, when the error was raised with one (issue 17); `message` is its English. */
  readonly text?: ErrorText;

  constructor(
    readonly code: ErrorCode,
    message: string | ErrorText,
    readonly issues?: FieldIssue[],
  ) {
    super(typeof message === 'string' ? message : errorText('en', message));
    this.name = 'DomainError';
    if (typeof message !== 'string') this.text = message;
  }
}
