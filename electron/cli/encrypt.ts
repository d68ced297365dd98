import { encryptDataDir, openBackend, rewrapDataDir } from '#core/backend';
import { dataPassphraseFile, dataUnlock, DATA_PASSPHRASE_ENV, readPassphraseLine } from './data-unlock';
import { UserError } from './errors';
import { openExistingForCli, resolveDataDir } from './open';
import { appVersion, cliPaths } from './paths';

const MIN_LENGTH = 8;

const asUserError = (e: unknown): never => {
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && !code.startsWith('E') && !code.startsWith('SQLITE')) {
    throw new UserError((e as Error).message);
  }
  throw e;
};

function newPassphrase(file: string | undefined, option: string): string {
  if (!file) throw new UserError(`Give the new passphrase in a file (its first line) with ${option}.`, 2);
  const passphrase = readPassphraseLine(file, 'passphrase');
  if (passphrase.length < MIN_LENGTH) {
    throw new UserError(`The passphrase must be at least ${MIN_LENGTH} characters long; nothing was changed.`);
  }
  return passphrase;
}

/**
 * `fieldwork encrypt --data-dir D`: encrypts a plain data folder's database in place, safe against a crash at
 * any moment (crypto/convert.ts), with the passphrase of --data-passphrase-file / $FIELDWORK_DATA_PASSPHRASE_FILE.
 */
export function encryptCommand(opts: { dataDir?: string; progress?: boolean }): void {
  const dataDir = resolveDataDir(opts.dataDir);
  // Refuses a mistyped folder (and opens it once: pending migrations run before the conversion).
  openExistingForCli(dataDir).close();
  const passphrase = newPassphrase(dataPassphraseFile(), `--data-passphrase-file (or $${DATA_PASSPHRASE_ENV})`);
  try {
    const dataKey = encryptDataDir(
      dataDir,
      { passphrase },
      {
        onProgress: (fraction, stage) => {
          if (opts.progress) process.stderr.write(`${stage} ${Math.round(fraction * 100)}%\n`);
        },
      },
    );
    // Opened once with its key: the start-up sweep seals the evidence files and issued reports left plain.
    if (opts.progress) process.stderr.write('Files\n');
    const { exportWorkerUrl, soaWorkerUrl } = cliPaths();
    openBackend({ dataDir, appVersion: appVersion(), exportWorkerUrl, soaWorkerUrl, dataKey }).close();
  } catch (e) {
    asUserError(e);
  }
  process.stdout.write(
    `The data folder ${dataDir} is now encrypted. Open it with --data-passphrase-file FILE or ` +
      `$${DATA_PASSPHRASE_ENV}; without the passphrase nobody can read it, Fieldwork included.\n`,
  );
}

/** `fieldwork passphrase --data-dir D --new-passphrase-file F`: re-wraps the data key; no data is re-encrypted. */
export function passphraseCommand(opts: { dataDir?: string; newPassphraseFile?: string }): void {
  const dataDir = resolveDataDir(opts.dataDir);
  const next = newPassphrase(opts.newPassphraseFile, '--new-passphrase-file');
  try {
    rewrapDataDir(dataDir, dataUnlock(), { passphrase: next });
  } catch (e) {
    asUserError(e);
  }
  process.stdout.write(`The passphrase of ${dataDir} was changed; the old one no longer opens it.\n`);
}
