import { DomainError } from '#shared/api/result';
import type { Evidence, EvidenceTarget } from '#shared/domain/evidence';
import { stmt } from '../db/statements';
import { newId } from '../ids';
import { requireAudit, requireEditableAudit } from './checklist';
import { stamp, type RepoContext } from './context';
import {
  isFindingTarget,
  requireCompleteAfterUnlink,
  requireNotEvidenceOfIssued,
  stampFindingTargets,
} from './findings/attachments';

export interface EvidenceRow {
  id: string;
  audit_id: string;
  sha256: string;
  original_name: string;
  media_type: string;
  size: number;
  captured_at: string | null;
  added_by: string;
  description: string;
  has_thumbnail: number;
  created_at: string;
  updated_at: string;
}

export type Link = Evidence['links'][number];

/** A file in the store, about to become (or join) an attachment of an audit. */
export interface NewEvidence {
  auditId: string;
  sha256: string;
  originalName: string;
  mediaType: string;
  size: number;
  capturedAt: string | null;
  addedBy: string;
  description: string;
  hasThumbnail: boolean;
}

/** Statements compiled once per database (db/statements.ts): a bulk import writes thousands of rows through them. */
const sql = (ctx: RepoContext, text: string) => stmt(ctx.db, text);

const TARGET_TABLES = {
  checklist_item: ['checklist_items', 'checklist item'],
  finding: ['findings', 'finding'],
  interview: ['interviews', 'interview'],
  observation: ['observations', 'observation'],
} as const;

function row(ctx: RepoContext, id: string): EvidenceRow {
  const found = sql(ctx, 'SELECT * FROM evidence WHERE id = ?').get(id) as EvidenceRow | undefined;
  if (!found) throw new DomainError('not_found', { key: 'errors:evidence.notFound' });
  return found;
}

/** The attachment's row, for reading its file; throws not_found. */
export const evidenceFile = (ctx: RepoContext, id: string) => {
  const r = row(ctx, id);
  return { sha256: r.sha256, size: r.size, hasThumbnail: r.has_thumbnail === 1 };
};

export function toEvidence(r: EvidenceRow, links: Link[]): Evidence {
  return {
    id: r.id,
    auditId: r.audit_id,
    sha256: r.sha256,
    originalName: r.original_name,
    mediaType: r.media_type,
    size: r.size,
    capturedAt: r.captured_at,
    addedBy: r.added_by,
    description: r.description,
    hasThumbnail: r.has_thumbnail === 1,
    links,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export function getEvidence(ctx: RepoContext, id: string): Evidence {
  const links = sql(
    ctx,
    'SELECT target_type AS type, target_id AS id FROM evidence_links WHERE evidence_id = ? ORDER BY rowid',
  ).all(id) as Link[];
  return toEvidence(row(ctx, id), links);
}

/** An audit's attachments, newest first, optionally only those linked to one target. */
export function listEvidence(ctx: RepoContext, auditId: string, target?: EvidenceTarget): Evidence[] {
  requireAudit(ctx, auditId);
  const filter = target
    ? `AND e.id IN (SELECT evidence_id FROM evidence_links WHERE target_type = @type AND target_id = @target)`
    : '';
  const params = { auditId, type: target?.type ?? null, target: target?.id ?? null };
  const rows = sql(
    ctx,
    `SELECT e.* FROM evidence e WHERE e.audit_id = @auditId ${filter} ORDER BY e.created_at DESC, e.id DESC`,
  ).all(params) as EvidenceRow[];
  const links = new Map<string, Link[]>();
  const linkRows = sql(
    ctx,
    `SELECT l.evidence_id, l.target_type AS type, l.target_id AS id FROM evidence_links l
       JOIN evidence e ON e.id = l.evidence_id WHERE e.audit_id = @auditId ${filter} ORDER BY l.rowid`,
  ).all(params) as (Link & { evidence_id: string })[];
  for (const { evidence_id, ...link } of linkRows) {
    const list = links.get(evidence_id) ?? [];
    list.push(link);
    links.set(evidence_id, list);
  }
  return rows.map((r) => toEvidence(r, links.get(r.id) ?? []));
}

/**
 * Every target must exist and belong to the attachment's audit. Checked before
 * a file is stored (to fail fast) and again inside the writing transaction.
 */
export function checkTargets(ctx: RepoContext, auditId: string, targets: readonly EvidenceTarget[]): void {
  for (const t of targets) {
    let owner: string | undefined;
    // Which sentence names the target (one whole sentence per kind, for word order in German and French).
    let label: 'checklist_item' | 'finding' | 'interview' | 'observation' | 'audit';
    if (t.type === 'finding_verification') {
      // Verification evidence may be gathered in a later audit the finding was carried into.
      const f = sql(
        ctx,
        `SELECT audit_id, EXISTS (SELECT 1 FROM carried_findings c WHERE c.finding_id = f.id AND c.audit_id = ?) AS carried
         FROM findings f WHERE f.id = ?`,
      ).get(auditId, t.id) as { audit_id: string; carried: number } | undefined;
      owner = f && f.carried === 1 ? auditId : f?.audit_id;
      label = 'finding';
    } else if (t.type === 'audit') {
      owner = (sql(ctx, 'SELECT id FROM audits WHERE id = ?').get(t.id) as { id: string } | undefined)?.id;
      label = 'audit';
    } else {
      const [table] = TARGET_TABLES[t.type];
      owner = (sql(ctx, `SELECT audit_id FROM ${table} WHERE id = ?`).get(t.id) as { audit_id: string } | undefined)
        ?.audit_id;
      label = t.type;
    }
    if (owner === undefined) {
      throw new DomainError('not_found', { key: `errors:evidence.targetMissing.${label}` });
    }
    if (owner !== auditId) {
      throw new DomainError('invalid_input', { key: `errors:evidence.targetOtherAudit.${label}` });
    }
  }
}

const LINK = 'evidence_id = ? AND target_type = ? AND target_id = ?';
const isLinked = (ctx: RepoContext, evidenceId: string, t: EvidenceTarget): boolean =>
  sql(ctx, `SELECT 1 FROM evidence_links WHERE ${LINK}`).get(evidenceId, t.type, t.id) !== undefined;

/** Adds the links not there yet; a finding about to gain one is stamped with `by` first (its trail names them). */
function insertLinks(ctx: RepoContext, evidenceId: string, targets: readonly EvidenceTarget[], by: string): number {
  // Only finding targets are looked up: bulk imports link checklist items and records, and pay nothing extra.
  const gaining = targets.filter((t) => isFindingTarget(t) && !isLinked(ctx, evidenceId, t));
  stampFindingTargets(ctx, gaining, by);
  const s = stamp(ctx);
  const insert = sql(
    ctx,
    `INSERT OR IGNORE INTO evidence_links (evidence_id, target_type, target_id, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  let added = 0;
  for (const t of targets) added += insert.run(evidenceId, t.type, t.id, s.now, s.now, s.device).changes;
  return added;
}

/**
 * Adds a stored file to an audit (inside the caller's transaction). The same
 * file twice in one audit stays one attachment: the new links join the
 * existing ones and `duplicate` says so.
 */
export function addEvidence(
  ctx: RepoContext,
  e: NewEvidence,
  targets: readonly EvidenceTarget[],
): { evidence: Evidence; duplicate: boolean } {
  requireEditableAudit(ctx, e.auditId);
  checkTargets(ctx, e.auditId, targets);
  const existing = sql(ctx, 'SELECT id FROM evidence WHERE audit_id = ? AND sha256 = ?').get(e.auditId, e.sha256) as
    { id: string } | undefined;
  if (existing) {
    insertLinks(ctx, existing.id, targets, e.addedBy);
    return { evidence: getEvidence(ctx, existing.id), duplicate: true };
  }
  const id = newId();
  const s = stamp(ctx);
  sql(
    ctx,
    `INSERT INTO evidence (id, audit_id, sha256, original_name, media_type, size, captured_at, added_by,
         description, has_thumbnail, created_at, updated_at, device_id)
       VALUES (@id, @auditId, @sha256, @originalName, @mediaType, @size, @capturedAt, @addedBy,
         @description, @thumb, @now, @now, @device)`,
  ).run({ ...e, id, thumb: e.hasThumbnail ? 1 : 0, now: s.now, device: s.device });
  insertLinks(ctx, id, targets, e.addedBy);
  return { evidence: getEvidence(ctx, id), duplicate: false };
}

/** The attachment's row, refusing changes to a closed audit's attachments. */
function editable(ctx: RepoContext, id: string): EvidenceRow {
  const r = row(ctx, id);
  requireEditableAudit(ctx, r.audit_id);
  return r;
}

export function updateEvidence(ctx: RepoContext, id: string, description: string): Evidence {
  const r = editable(ctx, id);
  if (r.description !== description) {
    const s = stamp(ctx);
    ctx.db
      .prepare('UPDATE evidence SET description = ?, updated_at = ?, device_id = ? WHERE id = ?')
      .run(description, s.now, s.device, id);
  }
  return getEvidence(ctx, id);
}

export function linkEvidence(ctx: RepoContext, id: string, target: EvidenceTarget, by: string): Evidence {
  const r = editable(ctx, id);
  checkTargets(ctx, r.audit_id, [target]);
  insertLinks(ctx, id, [target], by);
  return getEvidence(ctx, id);
}

/**
 * Removes one link; the last link takes the attachment with it (trigger
 * evidence_links_last) and answers null. An issued finding must keep its
 * objective evidence: the removal is refused (rolled back) if it would not.
 */
export function unlinkEvidence(ctx: RepoContext, id: string, target: EvidenceTarget, by: string): Evidence | null {
  editable(ctx, id);
  if (!isLinked(ctx, id, target)) throw new DomainError('not_found', { key: 'errors:evidence.notLinked' });
  stampFindingTargets(ctx, [target], by);
  sql(ctx, `DELETE FROM evidence_links WHERE ${LINK}`).run(id, target.type, target.id);
  requireCompleteAfterUnlink(ctx, target);
  return sql(ctx, 'SELECT 1 FROM evidence WHERE id = ?').get(id) ? getEvidence(ctx, id) : null;
}

/** Links go first, one by one, so a draft finding's trail still names the file (migration 6). */
export function deleteEvidence(ctx: RepoContext, id: string): void {
  editable(ctx, id);
  requireNotEvidenceOfIssued(ctx, id);
  sql(ctx, 'DELETE FROM evidence_links WHERE evidence_id = ?').run(id);
  sql(ctx, 'DELETE FROM evidence WHERE id = ?').run(id);
}
