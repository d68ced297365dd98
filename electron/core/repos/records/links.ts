import { DomainError, type FieldIssue } from '#shared/api/result';
import type { RepoContext, Stamp } from '../context';

/**
 * What a record may point at, checked inside the writing transaction: the
 * checklist items, site and auditors must all belong to the record's own
 * audit, so no record ever links across engagements (or clients).
 */

type Path = (string | number)[];

/** Ids from `ids` that `sql` (taking the audit id) does not list, with their positions. */
function outsiders(ctx: RepoContext, sql: string, auditId: string, ids: readonly string[]): number[] {
  if (ids.length === 0) return [];
  const known = new Set(ctx.db.prepare(sql).pluck().all(auditId) as string[]);
  return ids.flatMap((id, i) => (known.has(id) ? [] : [i]));
}

const plural = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);

function refuse(path: Path, field: string, bad: number[], message: string, fieldMessage: string): never {
  const issues: FieldIssue[] = bad.map((i) => ({ path: [...path, field, i], message: fieldMessage }));
  throw new DomainError('invalid_input', `${field}: ${message}`, issues);
}

export function requireItemsOfAudit(ctx: RepoContext, auditId: string, itemIds: readonly string[], path: Path): void {
  const bad = outsiders(ctx, 'SELECT id FROM checklist_items WHERE audit_id = ?', auditId, itemIds);
  if (bad.length > 0) {
    refuse(
      path,
      'itemIds',
      bad,
      `${plural(bad.length, 'linked requirement is', 'linked requirements are')} not in this audit's checklist.`,
      "Not a requirement of this audit's checklist",
    );
  }
}

export function requireTeamMembers(ctx: RepoContext, auditId: string, memberIds: readonly string[], path: Path): void {
  const bad = outsiders(ctx, 'SELECT id FROM audit_team WHERE audit_id = ?', auditId, memberIds);
  if (bad.length > 0) {
    refuse(
      path,
      'auditorIds',
      bad,
      `${plural(bad.length, 'auditor is', 'auditors are')} not on this audit's team.`,
      "Not a member of this audit's team",
    );
  }
}

/** Checks whichever of a record's links are given (absent ones are not being changed). */
export function requireLinksOfAudit(
  ctx: RepoContext,
  auditId: string,
  data: {
    itemIds?: readonly string[] | undefined;
    siteId?: string | null | undefined;
    auditorIds?: readonly string[] | undefined;
  },
  path: Path,
): void {
  if (data.itemIds) requireItemsOfAudit(ctx, auditId, data.itemIds, path);
  if (data.siteId !== undefined) requireSiteInScope(ctx, auditId, data.siteId, path);
  if (data.auditorIds) requireTeamMembers(ctx, auditId, data.auditorIds, path);
}

/** A record's site must be one of the sites in the audit's scope (or none). */
export function requireSiteInScope(ctx: RepoContext, auditId: string, siteId: string | null, path: Path): void {
  if (siteId === null) return;
  if (!ctx.db.prepare('SELECT 1 FROM audit_sites WHERE audit_id = ? AND site_id = ?').get(auditId, siteId)) {
    throw new DomainError('invalid_input', "siteId: this site is not in this audit's scope.", [
      { path: [...path, 'siteId'], message: "Choose one of the sites in this audit's scope" },
    ]);
  }
}

/** A link table: owner column → target column. Names come from code, never from input. */
export interface LinkTable {
  readonly table: 'interview_items' | 'interview_auditors' | 'observation_items' | 'document_items';
  readonly owner: 'interview_id' | 'observation_id' | 'document_id';
  readonly target: 'item_id' | 'member_id';
}

/**
 * Makes the owner's links exactly `ids`. Links that stay keep their stamps;
 * only added rows are stamped, so a later merge sees only real changes.
 * Answers whether anything changed.
 */
export function replaceLinks(ctx: RepoContext, s: Stamp, link: LinkTable, ownerId: string, ids: readonly string[]) {
  const { table, owner, target } = link;
  const wanted = new Set(ids);
  const existing = new Set(
    ctx.db.prepare(`SELECT ${target} FROM ${table} WHERE ${owner} = ?`).pluck().all(ownerId) as string[],
  );
  const remove = ctx.db.prepare(`DELETE FROM ${table} WHERE ${owner} = ? AND ${target} = ?`);
  const add = ctx.db.prepare(
    `INSERT INTO ${table} (${owner}, ${target}, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?)`,
  );
  let changed = false;
  for (const id of existing) {
    if (!wanted.has(id)) {
      remove.run(ownerId, id);
      changed = true;
    }
  }
  for (const id of wanted) {
    if (!existing.has(id)) {
      add.run(ownerId, id, s.now, s.now, s.device);
      changed = true;
    }
  }
  return changed;
}

/**
 * Links of every record of one audit (or of one record), grouped by owner:
 * checklist items in checklist order, auditors in team order.
 */
export function linksOf(ctx: RepoContext, link: LinkTable, scope: { auditId: string } | { ownerId: string }) {
  const { table, owner, target } = link;
  const [joined, order] =
    target === 'item_id' ? ['checklist_items', 'position'] : (['audit_team', 'position'] as const);
  const where = 'ownerId' in scope ? `l.${owner} = ?` : `t.audit_id = ?`;
  const rows = ctx.db
    .prepare(
      `SELECT l.${owner} AS owner, l.${target} AS target FROM ${table} l
       JOIN ${joined} t ON t.id = l.${target} WHERE ${where} ORDER BY t.${order}, t.id`,
    )
    .all('ownerId' in scope ? scope.ownerId : scope.auditId) as { owner: string; target: string }[];
  const byOwner = new Map<string, string[]>();
  for (const r of rows) {
    const list = byOwner.get(r.owner);
    if (list) list.push(r.target);
    else byOwner.set(r.owner, [r.target]);
  }
  return byOwner;
}

/** Evidence attachments per record, for the records of one audit (or one record). */
export function attachmentCounts(
  ctx: RepoContext,
  targetType: 'interview' | 'observation',
  scope: { auditId: string } | { ownerId: string },
): Map<string, number> {
  const table = targetType === 'interview' ? 'interviews' : 'observations';
  const filter = 'ownerId' in scope ? 'target_id = ?' : `target_id IN (SELECT id FROM ${table} WHERE audit_id = ?)`;
  const rows = ctx.db
    .prepare(
      `SELECT target_id AS id, count(*) AS n FROM evidence_links
       WHERE target_type = ? AND ${filter} GROUP BY target_id`,
    )
    .all(targetType, 'ownerId' in scope ? scope.ownerId : scope.auditId) as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}
