import { DomainError, type FieldIssue } from '#shared/api/result';
import { errorText, type ErrorText } from '#shared/i18n/errors/render';
import type { FindingRecordRef, FindingRecordType } from '#shared/domain/finding';
import type { RepoContext } from '../context';
import { requireSiteInScope } from '../records/links';
import { auditDates, type AuditDates, type FindingRow } from './rows';

type Path = (string | number)[];

/** Findings are raised while the audit is under way or being reported, not before it starts or once it is closed. */
export function requireRaisingAudit(ctx: RepoContext, auditId: string): AuditDates {
  const audit = auditDates(ctx, auditId);
  if (audit.status === 'planned') {
    throw new DomainError('conflict', { key: 'errors:findings.notInProgress' });
  }
  if (audit.status === 'closed') {
    throw new DomainError('conflict', { key: 'errors:findings.auditClosed' });
  }
  return audit;
}

/** Issued or draft, a finding's own content is frozen once its audit is closed. */
export function requireOpenAudit(ctx: RepoContext, row: FindingRow): AuditDates {
  const audit = auditDates(ctx, row.audit_id);
  if (audit.status === 'closed') {
    throw new DomainError('conflict', { key: 'errors:findings.closedAuditFinding' });
  }
  return audit;
}

/** Requirements are checklist items of the finding's own audit. */
export function requireRequirements(ctx: RepoContext, auditId: string, itemIds: readonly string[], path: Path): void {
  if (itemIds.length === 0) return;
  const known = new Set(
    ctx.db.prepare('SELECT id FROM checklist_items WHERE audit_id = ?').pluck().all(auditId) as string[],
  );
  const bad = itemIds.flatMap((id, i) => (known.has(id) ? [] : [i]));
  if (bad.length === 0) return;
  const issues: FieldIssue[] = bad.map((i) => ({
    path: [...path, 'itemIds', i],
    message: "Not a requirement of this audit's checklist",
  }));
  throw new DomainError(
    'invalid_input',
    { key: 'errors:findings.notRequirement', params: { count: bad.length } },
    issues,
  );
}

const RECORD_TABLES: Record<FindingRecordType, string> = {
  interview: 'interviews',
  observation: 'observations',
  document: 'documents_reviewed',
};

/** Linked interviews, observations and documents must be records of the same audit. */
export function requireRecords(
  ctx: RepoContext,
  auditId: string,
  records: readonly FindingRecordRef[],
  path: Path,
): void {
  records.forEach((r, i) => {
    const table = RECORD_TABLES[r.type];
    const owner = ctx.db.prepare(`SELECT audit_id FROM ${table} WHERE id = ?`).pluck().get(r.id) as string | undefined;
    if (owner === auditId) return;
    const text: ErrorText = {
      key:
        owner === undefined ? `errors:findings.linkedMissing.${r.type}` : `errors:findings.linkedOtherAudit.${r.type}`,
    };
    // The field's own message stays the English sentence (field issues carry no key yet).
    throw new DomainError(owner === undefined ? 'not_found' : 'invalid_input', text, [
      { path: [...path, 'records', i], message: errorText('en', text) },
    ]);
  });
}

export function requireLinks(
  ctx: RepoContext,
  auditId: string,
  data: { itemIds?: readonly string[]; records?: readonly FindingRecordRef[]; siteId?: string | null },
  path: Path,
): void {
  if (data.itemIds) requireRequirements(ctx, auditId, data.itemIds, path);
  if (data.records) requireRecords(ctx, auditId, data.records, path);
  if (data.siteId !== undefined) requireSiteInScope(ctx, auditId, data.siteId, path);
}

/**
 * An interview, observation or document that an issued finding cites is part
 * of that finding's objective evidence: it cannot be deleted under it.
 */
export function requireNotCitedByIssued(ctx: RepoContext, type: FindingRecordType, id: string): void {
  const numbers = ctx.db
    .prepare(
      `SELECT f.number FROM finding_records fr JOIN findings f ON f.id = fr.finding_id
       WHERE fr.record_type = ? AND fr.record_id = ? AND f.status <> 'draft' ORDER BY f.number`,
    )
    .pluck()
    .all(type, id) as string[];
  if (numbers.length === 0) return;
  throw new DomainError('conflict', {
    key: `errors:findings.citedByIssued.${type}`,
    params: { numbers: numbers.join(', ') },
  });
}

/**
 * An audit with issued findings (or findings verified in it) is part of the
 * certification record; the schema would refuse too, but with a raw error.
 */
export function requireNoIssuedFindings(ctx: RepoContext, auditId: string): void {
  const issued = ctx.db
    .prepare("SELECT count(*) FROM findings WHERE audit_id = ? AND status <> 'draft'")
    .pluck()
    .get(auditId) as number;
  if (issued > 0) {
    throw new DomainError('conflict', { key: 'errors:findings.auditHasIssued', params: { count: issued } });
  }
  const verified = ctx.db.prepare('SELECT 1 FROM findings WHERE verified_in_audit_id = ?').get(auditId);
  if (verified) {
    throw new DomainError('conflict', { key: 'errors:findings.verifiedHere' });
  }
}
