import { existsSync, statSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { DomainError } from '#shared/api/result';
import type { VersionVector } from '#shared/domain/sync';
import type { TeamExportEstimate, TeamExportResult } from '#shared/domain/team';
import { mergeVectors } from '#shared/rules/merge/keys';
import type { MergeChange, MergeTombstone } from '#shared/rules/merge/index';
import { folderCipher } from '../crypto/file-cipher-folder';
import { evidenceService } from '../evidence/service';
import { makeTx } from '../handlers/types';
import type { PackageSigner } from '../packages/signature';
import { writePackage } from '../packages/write';
import type { RepoContext } from '../repos/context';
import { getSigningIdentity, unlockSigningKey } from '../repos/signing';
import { adoptMeetingIds } from './before-log';
import { clockStore } from './clock-store';
import { stmt } from '../db/statements';
import { toChange, toTombstone } from './log';
import { PACKAGED, rowIdSql } from './tables';
import { teamFiles } from './team-files';
import type { OpParsed } from '#shared/api/contract';
import type { TeamExportOptions } from './types';

/** What decides a package's content (an estimate's whole input). */
type WhatTravels = OpParsed<'team.estimate'>;

/** What a package will hold, gathered in one transaction. */
interface Gathered {
  kind: 'send' | 'return';
  role: 'solo' | 'lead' | 'member';
  leadFolderId: string;
  changes: MergeChange[];
  tombstones: MergeTombstone[];
  evidence: { sha256: string; path: string }[];
  vv: VersionVector;
  createdAt: string;
  fileStem: string;
}

const PACKAGED_LIST = PACKAGED.map((t) => `'${t.name}'`).join(', ');

/**
 * Rows never logged (written before the change log existed, or only partly
 * logged since): each of their fields gets an entry now, with this
 * transaction's clock, so a package carries whole records.
 */
export function ensureLogged(ctx: RepoContext, scopes: readonly string[]): number {
  let written = 0;
  const marks = scopes.map(() => '?').join(', ');
  for (const t of PACKAGED) {
    for (const c of t.columns) {
      written += stmt(
        ctx.db,
        `INSERT INTO change_log (table_name, row_id, field, value, clock, device_id, author, scope, replaces)
           SELECT '${t.name}', ${rowIdSql(t)}, '${c}', json_quote(t.${c}), w.clock, w.device_id, w.author, ${t.scopeSql}, '[]'
           FROM write_context w, ${t.name} t
           WHERE ${t.scopeSql} IN (${marks}) AND NOT EXISTS (SELECT 1 FROM change_log l
             WHERE l.table_name = '${t.name}' AND l.row_id = ${rowIdSql(t)} AND l.field = '${c}')`,
      ).run(...scopes).changes;
    }
  }
  return written;
}

/**
 * A send carries the open findings of earlier audits carried into this one as
 * copies (carried_finding_copies): the findings belong to other audits, which
 * a package never holds, and an auditor on site must see what to verify. The
 * copies follow the findings as they are now; unchanged ones are not written
 * (no new log entries), gone ones are deleted (their tombstones travel).
 */
export function refreshCarriedCopies(ctx: RepoContext, auditId: string): void {
  stmt(
    ctx.db,
    `INSERT INTO carried_finding_copies (audit_id, finding_id, from_audit_id, from_audit_type, from_audit_start, number,
       type, status, statement, created_at, updated_at, device_id)
     SELECT c.audit_id, f.id, a.id, a.type, a.start_date, f.number, f.type, f.status, f.statement, @now, @now, @device
     FROM carried_findings c JOIN findings f ON f.id = c.finding_id JOIN audits a ON a.id = f.audit_id
     WHERE c.audit_id = @auditId
     ON CONFLICT (audit_id, finding_id) DO UPDATE SET from_audit_id = excluded.from_audit_id,
       from_audit_type = excluded.from_audit_type, from_audit_start = excluded.from_audit_start,
       number = excluded.number, type = excluded.type, status = excluded.status, statement = excluded.statement,
       updated_at = excluded.updated_at, device_id = excluded.device_id
     WHERE (from_audit_id, from_audit_type, from_audit_start, number, type, status, statement) IS NOT
       (excluded.from_audit_id, excluded.from_audit_type, excluded.from_audit_start, excluded.number, excluded.type,
        excluded.status, excluded.statement)`,
  ).run({ auditId, now: ctx.now(), device: ctx.deviceId });
  stmt(
    ctx.db,
    `DELETE FROM carried_finding_copies WHERE audit_id = ?
       AND finding_id NOT IN (SELECT finding_id FROM carried_findings WHERE audit_id = ?)`,
  ).run(auditId, auditId);
}

function teamRole(ctx: RepoContext, auditId: string): { role: 'solo' | 'lead' | 'member'; lead: string } {
  const r = ctx.db.prepare('SELECT role, lead_folder_id FROM team_audits WHERE audit_id = ?').get(auditId) as
    { role: 'lead' | 'member'; lead_folder_id: string } | undefined;
  return r ? { role: r.role, lead: r.lead_folder_id } : { role: 'solo', lead: ctx.deviceId };
}

/** What the receiver certainly holds already: the base of the delta. */
function sinceFor(ctx: RepoContext, input: WhatTravels, role: 'solo' | 'lead' | 'member'): VersionVector {
  if (input.full) return {};
  const vectors = (sql: string, ...params: string[]) =>
    (
      ctx.db
        .prepare(sql)
        .pluck()
        .all(...params) as string[]
    ).map((v) => JSON.parse(v) as VersionVector);
  if (role === 'member') {
    // What the lead sent: the lead holds all of it.
    return vectors(
      "SELECT version_vector FROM team_exchanges WHERE audit_id = ? AND direction = 'received' AND kind = 'send'",
      input.auditId,
    ).reduce(mergeVectors, {});
  }
  if (input.for === '') return {};
  // What the named member declared in its returns.
  return vectors(
    `SELECT version_vector FROM team_exchanges WHERE audit_id = ? AND direction = 'received' AND kind = 'return'
       AND lower(trim(peer_name)) = lower(trim(?))`,
    input.auditId,
    input.for,
  ).reduce(mergeVectors, {});
}

const safePart = (s: string) =>
  s
    .replace(/[\\/:*?"<>|]/g, '')
    .replace(/\p{Cc}/gu, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 60);

function gather(ctx: RepoContext, input: WhatTravels, senderName: string): Gathered {
  const audit = ctx.db
    .prepare(
      'SELECT a.client_id, a.start_date, c.name AS client FROM audits a JOIN clients c ON c.id = a.client_id WHERE a.id = ?',
    )
    .get(input.auditId) as { client_id: string; start_date: string; client: string } | undefined;
  if (!audit) throw new DomainError('not_found', 'This audit does not exist (it may have been deleted).');
  const { role, lead } = teamRole(ctx, input.auditId);
  const kind = role === 'member' ? 'return' : 'send';
  const scopes = [input.auditId, audit.client_id];
  if (kind === 'send') refreshCarriedCopies(ctx, input.auditId);
  // A meeting recorded before migration 15 travels under the id both laptops give it (before-log.ts).
  adoptMeetingIds(ctx.db, ctx.deviceId, input.auditId);
  ensureLogged(ctx, scopes);
  const since = JSON.stringify(sinceFor(ctx, input, role));
  const above = `scope IN (?, ?) AND table_name IN (${PACKAGED_LIST})
    AND clock > coalesce(json_extract(?, '$."' || device_id || '"'), '')`;
  const changes = (
    ctx.db
      .prepare(
        `SELECT table_name, row_id, field, value, clock, device_id, author, replaces FROM change_log INDEXED BY change_log_scope
         WHERE ${above} ORDER BY clock, table_name, row_id, field`,
      )
      .all(...scopes, since) as Parameters<typeof toChange>[0][]
  ).map(toChange);
  const tombstones = (
    ctx.db
      .prepare(
        `SELECT table_name, row_id, clock, device_id, author, replaces FROM tombstones
         WHERE ${above} ORDER BY clock, table_name, row_id`,
      )
      .all(...scopes, since) as Parameters<typeof toTombstone>[0][]
  ).map(toTombstone);
  // The sender's vector over this audit: it covers every entry of the package.
  const vv: VersionVector = {};
  for (const r of ctx.db
    .prepare(
      `SELECT device_id, max(clock) AS clock FROM (
         SELECT device_id, clock FROM change_log WHERE scope IN (?, ?)
         UNION ALL SELECT device_id, clock FROM tombstones WHERE scope IN (?, ?)) GROUP BY device_id`,
    )
    .all(...scopes, ...scopes) as { device_id: string; clock: string }[])
    vv[r.device_id] = r.clock;

  const store = evidenceService(ctx).store;
  const shas =
    kind === 'send'
      ? input.includeEvidence
        ? (ctx.db
            .prepare('SELECT DISTINCT sha256 FROM evidence WHERE audit_id = ?')
            .pluck()
            .all(input.auditId) as string[])
        : []
      : [
          ...new Set(
            changes
              .filter((c) => c.table === 'evidence' && c.field === 'sha256')
              .flatMap((c) => (typeof c.value === 'string' ? [c.value] : [])),
          ),
        ];
  const evidence = shas
    .sort()
    .map((sha256) => ({ sha256, path: store.blobPath(sha256), key: store.cipher?.file ?? null }))
    .filter((e) => /^[0-9a-f]{64}$/.test(e.sha256) && existsSync(e.path));
  return {
    kind,
    role,
    leadFolderId: lead,
    changes,
    tombstones,
    evidence,
    vv,
    createdAt: clockStore(ctx.db, ctx.deviceId).last(),
    fileStem: [safePart(audit.client), audit.start_date, kind, safePart(senderName)].filter(Boolean).join('-'),
  };
}

/** Thrown to roll an estimate back (it may have logged rows never logged before). */
class Estimated extends Error {
  constructor(readonly value: TeamExportEstimate) {
    super('estimate');
  }
}

export function estimateTeamPackage(ctx: RepoContext, input: OpParsed<'team.estimate'>): TeamExportEstimate {
  const tx = makeTx(ctx.db, ctx.deviceId);
  try {
    tx((i: WhatTravels) => {
      const g = gather(ctx, i, '');
      const store = evidenceService(ctx).store;
      let bytes = 0;
      for (const e of g.evidence) bytes += statSize(store.blobPath(e.sha256));
      throw new Estimated({
        kind: g.kind,
        changes: g.changes.length,
        tombstones: g.tombstones.length,
        evidenceFiles: g.evidence.length,
        evidenceBytes: bytes,
      });
    })(input);
  } catch (e) {
    if (e instanceof Estimated) return e.value;
    throw e;
  }
  throw new Error('unreachable');
}

const statSize = (path: string): number => statSync(path).size;

function signerFor(
  ctx: RepoContext,
  input: TeamExportOptions,
): { signer: PackageSigner; name: string; fingerprint: string } {
  const identity = getSigningIdentity(ctx, input.identityId);
  const now = ctx.now();
  if (identity.notBefore > now) {
    throw new DomainError(
      'conflict',
      `The certificate of "${identity.name}" is not valid yet (from ${identity.notBefore.slice(0, 10)}).`,
    );
  }
  if (identity.expired && !input.acceptExpired) {
    throw new DomainError(
      'certificate_expired',
      `The certificate of "${identity.name}" expired on ${identity.notAfter.slice(0, 10)}. The lead will see the package was signed with an expired certificate. Confirm to sign anyway, or create a new identity.`,
    );
  }
  const { privateKey, certificateDer } = unlockSigningKey(ctx, identity.id, input.unlock);
  return { signer: { privateKey, certificateDer }, name: identity.name, fingerprint: identity.fingerprint };
}

/**
 * Writes a signed team package: a lead's (or a solo audit's, which makes
 * this folder its lead) 'send', or a team member's 'return' of what changed
 * since what the lead certainly holds. The database is read in one
 * transaction, the file written outside it, and the exchange recorded after.
 */
export async function exportTeamPackage(
  ctx: RepoContext,
  input: TeamExportOptions,
): Promise<TeamExportResult & { file: string }> {
  const tx = makeTx(ctx.db, ctx.deviceId);
  const { g, sign } = tx((i: TeamExportOptions) => {
    const sign = signerFor(ctx, i);
    return { g: gather(ctx, i, sign.name), sign };
  })(input);
  const files = teamFiles(ctx);
  const reserved = await files.reserve();
  const out = input.out ?? reserved.path;
  // Kept in the data folder for the app to save: sealed from the first byte in an encrypted folder. A file the
  // CLI writes where it is told (`out`) is the user's own, plain.
  const seal = input.out ? null : (folderCipher(ctx)?.file ?? null);
  const written = await writePackage(
    out,
    {
      kind: g.kind,
      auditId: input.auditId,
      leadFolderId: g.leadFolderId,
      senderDevice: ctx.deviceId,
      senderName: sign.name,
      versionVector: g.vv,
      createdAt: g.createdAt,
      changes: g.changes,
      tombstones: g.tombstones,
      evidence: g.evidence,
    },
    sign.signer,
    seal,
  );
  try {
    tx((i: TeamExportOptions) => {
      if (g.role === 'solo') {
        ctx.db
          .prepare(
            "INSERT OR IGNORE INTO team_audits (audit_id, role, lead_folder_id, created_at) VALUES (?, 'lead', ?, ?)",
          )
          .run(i.auditId, ctx.deviceId, ctx.now());
      }
      ctx.db
        .prepare(
          `INSERT INTO team_exchanges (package_id, audit_id, direction, kind, peer_name, device_id, signer_name,
             signer_fingerprint, sha256, size, at, version_vector)
           VALUES (?, ?, 'sent', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          written.manifest.packageId,
          i.auditId,
          g.kind,
          g.kind === 'send' ? i.for : '',
          ctx.deviceId,
          sign.name,
          sign.fingerprint,
          written.sha256,
          written.size,
          ctx.now(),
          JSON.stringify(g.vv),
        );
    })(input);
  } catch (e) {
    await rm(out, { force: true });
    throw e;
  }
  const fileName = `${g.fileStem}.fwpkg`;
  files.register(reserved.fileId, { path: out, size: written.size, fileName, key: seal });
  return {
    fileId: reserved.fileId,
    fileName,
    packageId: written.manifest.packageId,
    kind: g.kind,
    size: written.size,
    sha256: written.sha256,
    changes: g.changes.length,
    tombstones: g.tombstones.length,
    evidenceFiles: g.evidence.length,
    file: out,
  };
}
