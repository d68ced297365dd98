import { readFileSync } from 'node:fs';
import type { Unlock } from '#core/backend';
import { UserError } from './errors';

// An encrypted data folder's passphrase (issue 15). Not --passphrase-file / FIELDWORK_PASSPHRASE_FILE: those name
// the SIGNING key's passphrase on export-report, export-nc-list and package export, and a command may need both.
export const DATA_PASSPHRASE_ENV = 'FIELDWORK_DATA_PASSPHRASE_FILE';

let given: string | undefined;

/** Set once from the root option --data-passphrase-file before the command runs (main.ts). */
export function setDataPassphraseFile(file: string | undefined): void {
  given = file;
}

/** The first line of a passphrase file (a trailing newline is not part of it). */
export function readPassphraseLine(file: string, what: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`Cannot read the ${what} file ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UserError(`The ${what} file ${file} is empty.`);
  return line;
}

/** The data folder's passphrase file: --data-passphrase-file, else $FIELDWORK_DATA_PASSPHRASE_FILE; or none. */
export const dataPassphraseFile = (): string | undefined => given ?? (process.env[DATA_PASSPHRASE_ENV] || undefined);

/** How the CLI unlocks a data folder: with the passphrase of the file given, if any (no OS keychain here). */
export function dataUnlock(): Unlock {
  const file = dataPassphraseFile();
  return file ? { passphrase: readPassphraseLine(file, 'data passphrase') } : {};
}
