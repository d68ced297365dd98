import { contract, type OpInput, type OpOutput } from '#shared/api/contract';
import { isOpName, type OpName } from '#shared/api/ops';
import { DomainError, fail, ok, type Result } from '#shared/api/result';
import type { Backend, BackendOptions } from '../backend';
import type { RepoContext } from '../repos/context';
import type { BackupService } from './service';

/** What a long-running host (preview, desktop backend process) serves: a backend, or the degraded one below. */
export type ServedBackend = Pick<Backend, 'dispatch' | 'call' | 'bytes' | 'warm' | 'close'>;

/** The only operations a damaged folder answers: what restoring a backup into a new folder needs. */
const RECOVERY_OPS = new Set<OpName>(['backups.list', 'backups.restore', 'backups.status', 'backups.cancel']);

/**
 * The backend of a data folder whose database failed its check at open (or cannot be opened at all): it opens
 * nothing of the folder — no database, no lock, no evidence store — and answers only the backup operations a
 * restore into a NEW folder needs, reading the backups/ folder and writing only the new folder. Every other
 * operation is refused with `database_corrupt` and the check's words, which is how the app knows to show its
 * "database is damaged" screen. The damaged folder is never written.
 */
export function openDegradedBackend(opts: {
  dataDir: string;
  dataKey: Buffer | null;
  problem: DomainError;
}): ServedBackend {
  // Restores and job status read only the folder's path and key (backup/service.ts); nothing here reaches a database.
  const ctx = { dataDir: opts.dataDir, dataKey: opts.dataKey } as RepoContext;
  // Loaded when first asked (backend.ts imports this file; the backup code stays out of every start-up).
  let loaded: Promise<BackupService> | null = null;
  const service = () => (loaded ??= import('./service').then(({ BackupService }) => new BackupService(ctx)));
  const refused = () => fail(opts.problem.code, opts.problem.message);
  const handlers: Partial<Record<OpName, (input: never) => unknown>> = {
    'backups.list': async () => ({
      ...(await (await import('./rolling')).listBackups(opts.dataDir, opts.dataKey)),
      databaseProblem: opts.problem.message,
    }),
    'backups.restore': async ({ backupId, targetDir, passphrase }: OpInput<'backups.restore'>) =>
      (await service()).restore(backupId, targetDir, passphrase),
    'backups.status': async ({ jobId }: OpInput<'backups.status'>) => (await service()).status(jobId),
    'backups.cancel': async ({ jobId }: OpInput<'backups.cancel'>) => (await service()).cancel(jobId),
  };

  const dispatch = async (op: string, input: unknown): Promise<Result<unknown>> => {
    if (!isOpName(op)) return fail('unknown_operation', 'Unknown operation.');
    if (!RECOVERY_OPS.has(op)) return refused();
    const spec = contract[op];
    const parsed = spec.input.safeParse(input);
    if (!parsed.success)
      return fail('invalid_input', parsed.error.issues[0]?.message ?? 'The request could not be read');
    try {
      return ok(spec.output.parse(await handlers[op]!(parsed.data as never)));
    } catch (e) {
      if (e instanceof DomainError) return fail(e.code, e.message, e.issues);
      process.stderr.write(`fieldwork: internal error (${e instanceof Error ? e.name : typeof e})\n`);
      return fail('internal', 'Something went wrong inside Fieldwork; nothing was changed.');
    }
  };
  const bytesRefused = () => Promise.resolve(refused());
  return {
    dispatch,
    call: <K extends OpName>(op: K, input: OpInput<K>) => dispatch(op, input) as Promise<Result<OpOutput<K>>>,
    bytes: { put: bytesRefused, read: bytesRefused, file: () => refused() },
    warm: () => Promise.resolve(),
    close: () => undefined,
  };
}

/**
 * For hosts that keep running: the backend, or — when the database is damaged (`database_corrupt`: quick_check at
 * open, or SQLite cannot read the file) — the degraded backend, said once on stderr. Any other failure is thrown.
 */
export function openBackendOrRecovery(opts: BackendOptions, open: (o: BackendOptions) => Backend): ServedBackend {
  try {
    return open(opts);
  } catch (e) {
    if (!(e instanceof DomainError) || e.code !== 'database_corrupt') throw e;
    process.stderr.write(
      `fieldwork: ${e.message}\nfieldwork: started for recovery only: the app lists the backups and restores one into a new folder.\n`,
    );
    return openDegradedBackend({ dataDir: opts.dataDir, dataKey: opts.dataKey ?? null, problem: e });
  }
}
