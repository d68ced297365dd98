import { DomainError } from '#shared/api/result';
import type { TeamExchange, TeamStatus } from '#shared/domain/team';
import { readChunk } from '../files/read-chunk';
import type { RepoContext } from '../repos/context';
import { countConflicts, listConflicts, resolveTeamConflict } from '../sync/conflicts';
import { estimateTeamPackage, exportTeamPackage } from '../sync/export';
import { importTeamPackage } from '../sync/import';
import { teamFiles } from '../sync/team-files';
import { teamUploads } from '../sync/uploads';
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
  const uploads = teamUploads(ctx);
  return {
    'team.status': tx(({ auditId }) => status(ctx, auditId)),
    'team.estimate': (input) => estimateTeamPackage(ctx, input),
    'team.export': async (input) => {
      const { file: _file, ...result } = await exportTeamPackage(ctx, input);
      return result;
    },
    'team.read': async ({ fileId, offset, length }) => {
      const f = teamFiles(ctx).get(fileId);
      if (offset > f.size)
        throw new DomainError('invalid_input', `The read starts past the end of the file (${f.size} bytes).`);
      const bytes = await readChunk(f.path, offset, Math.min(length, f.size - offset));
      if (!bytes || offset + bytes.length < Math.min(offset + length, f.size)) {
        throw new DomainError('storage', 'The package file is missing or damaged in the data folder.');
      }
      return { dataBase64: bytes.toString('base64'), size: f.size, eof: offset + bytes.length >= f.size };
    },
    'team.uploadBegin': (input) => uploads.begin(input),
    'team.uploadChunk': (input) => uploads.chunk(input),
    'team.uploadAbort': async ({ uploadId }) => {
      await uploads.abort(uploadId);
      return {};
    },
    'team.preview': async ({ uploadId }) =>
      importTeamPackage(ctx, await uploads.file(uploadId), { dryRun: true, by: '' }),
    'team.import': async ({ uploadId, acceptFingerprint, by }) => {
      const preview = await importTeamPackage(ctx, await uploads.file(uploadId), { acceptFingerprint, by });
      await uploads.drop(uploadId);
      return preview.summary;
    },
    'conflicts.list': tx(({ auditId, offset, limit }) => listConflicts(ctx, auditId, { offset, limit })),
    'conflicts.resolve': tx((input) => resolveTeamConflict(ctx, input)),
  };
};
