import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contract, type OpInput, type OpOutput } from '#shared/api/contract';
import { isOpName, type OpName } from '#shared/api/ops';
import { DomainError, fail, ok, type FieldIssue, type Result } from '#shared/api/result';
import { findIllFormedText, ILL_FORMED_MESSAGE } from '#shared/domain/common';
import type { z } from 'zod';
import { openDatabase, type Db } from './db/open';
import { finishConversion, removeWork } from './crypto/convert';
import { KEY_FILE, MissingPassphraseError } from './crypto/key-file';
import { lockDataDir } from './data-lock';
import { loadDeviceId } from './device';
import { mkdirPrivateSync, tightenDataDir } from './files/private-fs';
import { evidenceService, type EvidenceService } from './evidence/service';
import type { ImportOptions } from './evidence/import';
import { exportJobs, sweepExports } from './export/jobs';
import { byteChannel, type ByteChannel } from './bytes/channel';
import { sweepPackageCopies } from './bytes/legacy-package-copies';
import { openBackendOrRecovery, type ServedBackend } from './backup/degraded';
import type { DownloadFile } from './bytes/downloads';
import { createHandlers } from './handlers';
import { registerDemoBackend } from './demo/load';
import { closeTeam } from './sync/team-files';
import type { RepoContext } from './repos/context';
import { soaReader } from './soa/off-thread';
import { defaultTemplatesDir, loadBuiltinTemplates } from './templates/builtin';

export const DATABASE_FILE = 'fieldwork.sqlite';

// What the Node front ends (CLI, preview host, Electron main) may use besides `dispatch`: they import nothing else
// of core but this file and static-files.ts (docs/ARCHITECTURE.md, "Besides dispatch"). Heavy parts load when used.
export { defaultDataDir } from './data-dir';
export { NewerDatabaseError } from './db/migrations';
export { TemplateLoadError } from './templates/builtin';
export type { ImportOptions, ImportProgress, ImportResult } from './evidence/import';

/** An encrypted data folder's key: unlocking it, encrypting a plain folder, changing its passphrase (crypto/). */
export {
  KEY_FILE,
  MissingPassphraseError,
  newDataKey,
  readKeyFile,
  rewrapDataDir,
  unlockDataDir,
  wrapDataKey,
  writeKeyFile,
  type KeychainWrap,
  type Unlock,
} from './crypto/key-file';
export { encryptDataDir, finishConversion, type ConvertStep } from './crypto/convert';
/** The app's and the preview host's lockable hold on the folder: lock drops the key and the database (crypto/session.ts). */
export { openSession, type Session, type SessionKeychain } from './crypto/session';

/** Files and folders named by local paths into an audit's evidence (`fieldwork import-evidence`). */
export const importEvidencePaths = async (backend: Backend, opts: ImportOptions) =>
  (await import('./evidence/import')).importEvidenceFiles(backend, opts);

/** The demo data of `fieldwork demo`, into an empty data folder. */
export const seedDemoData = async (backend: Backend) => (await import('./demo/seed')).seedDemo(backend);

/**
 * For hosts that keep running (preview, desktop backend process): a damaged database starts the degraded backend,
 * which serves only listing backups and restoring one into a new folder (backup/degraded.ts).
 */
export const openServedBackend = (opts: BackendOptions): ServedBackend => openBackendOrRecovery(opts, openBackend);
export type { ServedBackend } from './backup/degraded';

/** Restoring a backup file into a new folder (`fieldwork restore`): opens no data folder, so it works when one is damaged. */
export const backupTools = async () => ({ restoreBackup: (await import('./backup/restore')).restoreBackup });

/** Signature maths and certificate files, for `fieldwork verify` without a data folder: no database involved. */
export const signatureTools = async () => ({
  verifyPackage: (await import('./signing/package-verify')).verifyPackage,
  readCertificates: (await import('./signing/certificate-file')).readCertificates,
});

export interface Backend {
  readonly deviceId: string;
  readonly db: Db;
  /** For in-process callers that use repositories directly (the demo); everyone else goes through dispatch. */
  readonly context: RepoContext;
  /** The evidence store: files, uploads in progress, path imports (evidence/import.ts). */
  readonly evidence: EvidenceService;
  /**
   * The byte channel the transports stream through (bytes/): chunks of the
   * uploads that begin ops opened, and the files `bytes.download` offered.
   * Its decisions were made by those operations; it only moves bytes.
   */
  readonly bytes: ByteDoor;
  /** Parses the input against the contract, runs the operation in one transaction, answers an envelope. */
  dispatch(op: string, input: unknown): Promise<Result<unknown>>;
  /** The same, typed for callers inside the Node process (CLI, demo, tests). */
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  /** Loads every operation's code now, not at its first call (handlers.ts); for hosts that keep running. */
  warm(): Promise<void>;
  close(): void;
}

/** What a transport (preview host, Electron main) may ask of the byte channel; every answer an envelope. */
export interface ByteDoor {
  /** One chunk of an upload at `offset`, written piece by piece as the transport receives it. */
  put(
    uploadId: string,
    offset: number,
    body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  ): Promise<Result<{ received: number }>>;
  /** The file of a download, for a transport that streams it from disk itself. */
  file(downloadId: string): Result<DownloadFile>;
  /** Up to `length` bytes of a download at `offset`, for a transport that relays pieces. */
  read(downloadId: string, offset: number, length: number): Promise<Result<Uint8Array>>;
}

export interface BackendOptions {
  dataDir: string;
  appVersion?: string;
  now?: () => string;
  /** Where the built-in checklist templates are (default: resources/templates of the app). */
  templatesDir?: string;
  /** The export worker's entry (the packaged app passes its bundled export-worker.js). */
  exportWorkerUrl?: URL;
  /** The SoA parsing worker's entry (the packaged app passes its bundled soa-worker.js). */
  soaWorkerUrl?: URL;
  /** The folder's 32-byte data key: evidence, thumbnails and issued reports are stored encrypted with it. */
  dataKey?: Buffer | null;
}

export function openBackend(opts: BackendOptions): Backend {
  // Templates first: a broken built-in template stops start-up before any file is touched.
  const builtinTemplates = loadBuiltinTemplates(opts.templatesDir ?? defaultTemplatesDir());
  mkdirPrivateSync(opts.dataDir);
  const dataKey = opts.dataKey ?? null;
  // An encrypted folder (it has a key file) is never opened without its key: SQLite would only say "not a database".
  if (!dataKey && existsSync(join(opts.dataDir, KEY_FILE))) throw new MissingPassphraseError();
  if (dataKey) finishInterrupted(opts.dataDir, dataKey);
  const notices = tightenNotice(tightenDataDir(opts.dataDir));
  const deviceId = loadDeviceId(opts.dataDir);
  const db = openDatabase(join(opts.dataDir, DATABASE_FILE), { dataKey });
  const ctx = {
    db,
    dataDir: opts.dataDir,
    deviceId,
    now: opts.now ?? (() => new Date().toISOString()),
    builtinTemplates,
    dataKey: opts.dataKey ?? null,
  };
  const evidence = evidenceService(ctx);
  const bytes = byteChannel(ctx);
  const exports = exportJobs(ctx, opts.exportWorkerUrl ? { workerUrl: opts.exportWorkerUrl } : {});
  soaReader(ctx, opts.soaWorkerUrl ? { workerUrl: opts.soaWorkerUrl } : {});
  const lock = lockDataDir(opts.dataDir);
  try {
    // Before the first operation: leftovers of an interrupted run are removed,
    // unless another live Fieldwork process uses the folder and may own them.
    evidence.startUp(lock.held);
    if (lock.held) sweepExports(opts.dataDir);
    // Plaintext copies of sealed team package uploads an earlier version's crash left in the system's temp folder.
    if (lock.held) sweepPackageCopies(opts.dataDir);
    // A copy left by a conversion a crash interrupted before its key file was written (crypto/convert.ts).
    if (lock.held) removeWork(opts.dataDir);
  } catch (e) {
    lock.release();
    db.close();
    throw e;
  }
  const { handlers, warm } = createHandlers(ctx, opts.appVersion ?? '0.0.0', notices);

  const dispatch = async (op: string, input: unknown): Promise<Result<unknown>> => {
    if (!isOpName(op)) return fail('unknown_operation', 'Unknown operation.');
    const spec = contract[op];
    // Every string, whichever schema reads it: a lone surrogate is refused here rather than stored as U+FFFD or failing later.
    const broken = findIllFormedText(input);
    if (broken) return illFormed(broken);
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    try {
      // Each handler does its database work inside one transaction (see handlers.ts).
      const value = await (handlers[op] as (i: unknown) => unknown)(parsed.data);
      return ok(spec.output.parse(value));
    } catch (e) {
      return toEnvelope(e);
    } finally {
      // Files of attachments deleted by this operation (directly or by cascade) go once it committed.
      evidence.collect();
    }
  };

  const call = <K extends OpName>(op: K, input: OpInput<K>) => dispatch(op, input) as Promise<Result<OpOutput<K>>>;
  const close = () => {
    void exports.close();
    soaReader(ctx).close();
    void bytes.close();
    void closeTeam(ctx);
    db.close();
    lock.release();
  };
  const backend: Backend = {
    deviceId,
    db,
    context: ctx,
    evidence,
    bytes: byteDoor(bytes),
    dispatch,
    call,
    warm,
    close,
  };
  // demo.load makes the demo through this backend's own operations (demo/load.ts).
  registerDemoBackend(backend);
  return backend;
}

/** A key file beside a still-plain database: a conversion a crash interrupted is run again before opening. */
function finishInterrupted(dataDir: string, dataKey: Buffer): void {
  const lock = lockDataDir(dataDir);
  try {
    if (lock.held) finishConversion(dataDir, dataKey);
  } finally {
    lock.release();
  }
}

function byteDoor(channel: ByteChannel): ByteDoor {
  const guard = async <T>(fn: () => T | Promise<T>): Promise<Result<T>> => {
    try {
      return ok(await fn());
    } catch (e) {
      return toEnvelope(e);
    }
  };
  return {
    put: (uploadId, offset, body) => guard(() => channel.uploads.put(uploadId, offset, body)),
    file: (downloadId) => {
      try {
        return ok(channel.downloads.file(downloadId));
      } catch (e) {
        return toEnvelope(e);
      }
    },
    read: (downloadId, offset, length) => guard(() => channel.downloads.read(downloadId, offset, length)),
  };
}

/** Told once on stderr (CLI, preview, the app's log) and kept for app.info (the UI); counts only, no names. */
function tightenNotice(tightened: number): string[] {
  if (tightened === 0) return [];
  const notice =
    `${tightened} ${tightened === 1 ? 'file or folder' : 'files and folders'} in the Fieldwork data folder could be read ` +
    'by other users of this computer; they are now private to you.';
  console.error(`Fieldwork: ${notice}`);
  return [notice];
}

// The message is what a toast shows: the schema's own words, never a field's path ("reportNumberPattern:");
// the path travels in `issues`, where the form puts the message beside its field.
export function illFormed(path: (string | number)[]): Result<never> {
  const message = `This text ${ILL_FORMED_MESSAGE}`;
  return fail('invalid_input', `${message}.`, [{ path, message }]);
}

export function invalid(error: z.ZodError): Result<never> {
  const issues: FieldIssue[] = error.issues.map((i) => ({
    path: i.path.filter((p): p is string | number => typeof p !== 'symbol'),
    message: i.message,
  }));
  const first = issues[0];
  const more = issues.length - 1;
  const also = more > 0 ? ` (and ${more} more ${more === 1 ? 'problem' : 'problems'})` : '';
  return fail('invalid_input', `${first?.message ?? 'The request could not be read'}${also}`, issues);
}

export function toEnvelope(e: unknown): Result<never> {
  if (e instanceof DomainError) return fail(e.code, e.message, e.issues, e.text);
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
    return fail('conflict', 'The change conflicts with existing records and was not saved.');
  }
  // Unexpected: report the kind of failure only; messages may quote client data.
  process.stderr.write(`fieldwork: internal error (${e instanceof Error ? e.name : typeof e})\n`);
  return fail('internal', 'Something went wrong inside Fieldwork; nothing was changed.');
}
