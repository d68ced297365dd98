import { DomainError } from '#shared/api/result';
import type { TeamExchange, TeamStatus } from '#shared/domain/team';
import { readChunkOp } from '../bytes/read';
import { sourceFile } from '../bytes/sources';
import { packageUploads } from '../bytes/packages';
import type { ZipSource } from '../files/unzip-file';
import type { RepoContext } from '../repos/context';
import { countConflicts, listConflicts, resolveTeamConflict } from '../sync/conflicts';
import { estimateTeamPackage, exportTeamPackage } from '../sync/export';
import { importTeamPackage } from '../sync/import';
import { teamJobs, type JobProgress } from '../sync/team-jobs';
import type { ImportOptions } from '../sync/types';
import type { Handlers, Tx } from './types';

type TeamOps = Extract<keyof Handlers, `team.${string}` | `conflicts.${string}`>;

interface ExchangeRow {
  package_id: string;
  direction: 'sent' | 'received';
  kind: 'send' | 'return';
  peer_name: string;
  device_id: string;
  signer_name: string;
  signer_fingerprint: string;
  sha256: string;
  size: number;
  at: string;
  added: number;
  changed: number;
  conflicts: number;
}

function status(ctx: RepoContext, auditId: string): TeamStatus {
  if (!ctx.db.prepare('SELECT 1 FROM audits WHERE id = ?').get(auditId)) {
    throw new DomainError('not_found', 'This audit does not exist (it may have been deleted).');
  }
  const team = ctx.db.prepare('SELECT role, lead_folder_id FROM team_audits WHERE audit_id = ?').get(auditId) as
    { role: 'lead' | 'member'; lead_folder_id: string } | undefined;
  const exchanges = (
    ctx.db
      .prepare('SELECT * FROM team_exchanges WHERE audit_id = ? ORDER BY at DESC, rowid DESC LIMIT 200')
      .all(auditId) as ExchangeRow[]
  ).map((r): TeamExchange => ({
    packageId: r.package_id,
    direction: r.direction,
    kind: r.kind,
    peerName: r.peer_name,
    device: r.device_id,
    signerName: r.signer_name,
    signerFingerprint: r.signer_fingerprint,
    sha256: r.sha256,
    size: r.size,
    at: r.at,
    added: r.added,
    changed: r.changed,
    conflicts: r.conflicts,
  }));
  return {
    auditId,
    role: team?.role ?? 'solo',
    thisFolderId: ctx.deviceId,
    leadFolderId: team?.lead_folder_id ?? null,
    exchanges,
    openConflicts: countConflicts(ctx, auditId),
    conflictsResolved: ctx.db
      .prepare('SELECT count(*) FROM conflict_resolutions WHERE audit_id = ?')
      .pluck()
      .get(auditId) as number,
  };
}

/** Team audits (issue 13): packages out and in, and the lead's decisions on conflicts. */
export const teamHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, TeamOps> => {
  const packages = packageUploads(ctx);
  const jobs = teamJobs(ctx);
  type Steps = Pick<ImportOptions, 'signal'> & { onProgress?: (p: JobProgress) => void };

  /**
   * An import: a backup first, then the merge; the upload is given up afterwards, and after a failure or a
   * cancel too (else they pile up to the limit of open uploads) — except for an unknown signer: the same file is
   * imported once its fingerprint is confirmed.
   */
  const importUpload = async (
    file: ZipSource,
    { uploadId, acceptFingerprint, by }: { uploadId: string; acceptFingerprint?: string; by: string },
    steps: Steps = {},
  ) => {
    let imported: Awaited<ReturnType<typeof importTeamPackage>>;
    try {
      steps.onProgress?.({ stage: 'backup', done: 0, total: 1 });
      await (await import('../backup/hooks')).backupBeforeImport(ctx);
      steps.signal?.throwIfAborted();
      imported = await importTeamPackage(ctx, file, { acceptFingerprint, by, ...steps });
    } catch (e) {
      if (!(e instanceof DomainError && e.code === 'unknown_signer'))
        await packages.abort(uploadId).catch(() => undefined);
      throw e;
    }
    await packages.abort(uploadId);
    return imported.summary;
  };

  return {
    'team.status': tx(({ auditId }) => status(ctx, auditId)),
    'team.estimate': (input) => estimateTeamPackage(ctx, input),
    'team.export': async (input) => {
      const { file: _file, ...result } = await exportTeamPackage(ctx, input);
      return result;
    },
    'team.read': ({ fileId, offset, length }) =>
      readChunkOp(sourceFile(ctx, tx, { kind: 'team', fileId }), offset, length),
    'team.uploadBegin': (input) => packages.begin(input),
    'team.uploadChunk': (input) => packages.chunk(input),
    'team.uploadAbort': async ({ uploadId }) => {
      await packages.abort(uploadId);
      return {};
    },
    'team.preview': async ({ uploadId }) =>
      importTeamPackage(ctx, await packages.file(uploadId), { dryRun: true, by: '' }),
    'team.import': async (input) => importUpload(await packages.file(input.uploadId), input),
    // The upload is checked complete before the job starts: an unknown or unfinished one is refused at once.
    'team.previewStart': async ({ uploadId }) => {
      const file = await packages.file(uploadId);
      return jobs.start('preview', uploadId, async (steps) => ({
        preview: await importTeamPackage(ctx, file, { dryRun: true, by: '', ...steps }),
        summary: null,
      }));
    },
    'team.importStart': async (input) => {
      const file = await packages.file(input.uploadId);
      return jobs.start('import', input.uploadId, async (steps) => ({
        preview: null,
        summary: await importUpload(file, input, steps),
      }));
    },
    'team.jobStatus': ({ jobId }) => jobs.status(jobId),
    'team.jobCancel': ({ jobId }) => jobs.cancel(jobId),
    'conflicts.list': tx(({ auditId, offset, limit }) => listConflicts(ctx, auditId, { offset, limit })),
    'conflicts.resolve': tx((input) => resolveTeamConflict(ctx, input)),
  };
};
