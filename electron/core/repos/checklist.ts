import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { AuditStatus } from '#shared/domain/audit';
import type { Checklist, ChecklistItem, ItemResult, SoaEntry } from '#shared/domain/checklist';
import { canEditAudit } from '#shared/rules/audit-status';
import { notApplicableRefused, stillNeedsFinding } from '#shared/rules/checklist';
import { templateTitle } from '../templates/store';
import { syncChildren } from './children';
import { stamp, type RepoContext } from './context';
import { stmt } from '../db/statements';

type Patch = OpParsed<'checklist.updateItem'>['patch'];

export interface ItemRow {
  id: string;
  audit_id: string;
  position: number;
  ref: string;
  kind: ChecklistItem['kind'];
  group_id: string;
  group_title: string;
  group_kind: ChecklistItem['groupKind'];
  number: string;
  title: string;
  questions: string;
  evidence: string;
  clauses: string;
  result: ItemResult;
  notes: string;
  assignee_id: string | null;
  sample_size: number | null;
  minutes_spent: number | null;
  soa_applicable: number | null;
  soa_justification: string | null;
  soa_status: string | null;
  updated_at: string;
  /** 1 when a finding (any status) is linked to the item. */
  has_finding: number;
}

type Sample = ChecklistItem['samples'][number];

export interface AuditHead {
  id: string;
  status: AuditStatus;
  template_id: string;
  template_version: string;
  soa_version: string | null;
  soa_imported_at: string | null;
}

export function requireAudit(ctx: RepoContext, auditId: string): AuditHead {
  // Prepared once per connection: every row of a bulk evidence import asks.
  const audit = stmt(
    ctx.db,
    'SELECT id, status, template_id, template_version, soa_version, soa_imported_at FROM audits WHERE id = ?',
  ).get(auditId) as AuditHead | undefined;
  if (!audit) throw new DomainError('not_found', { key: 'errors:audits.notFound' });
  return audit;
}

/** A closed audit backs a certification decision: its checklist is frozen. */
export function requireEditableAudit(ctx: RepoContext, auditId: string): AuditHead {
  const audit = requireAudit(ctx, auditId);
  if (!canEditAudit(audit.status)) {
    throw new DomainError('conflict', { key: 'errors:audits.closedReadOnly' });
  }
  return audit;
}

const HAS_FINDING = 'EXISTS (SELECT 1 FROM finding_items fi WHERE fi.item_id = i.id) AS has_finding';

export const itemRows = (ctx: RepoContext, auditId: string): ItemRow[] =>
  ctx.db
    .prepare(`SELECT i.*, ${HAS_FINDING} FROM checklist_items i WHERE audit_id = ? ORDER BY position`)
    .all(auditId) as ItemRow[];

export function getChecklist(ctx: RepoContext, auditId: string): Checklist {
  const audit = requireAudit(ctx, auditId);
  const samples = new Map<string, Sample[]>();
  const sampleRows = ctx.db
    .prepare(
      `SELECT s.item_id, s.id, s.identifier, s.description FROM checklist_samples s
       JOIN checklist_items i ON i.id = s.item_id WHERE i.audit_id = ? ORDER BY s.item_id, s.position`,
    )
    .all(auditId) as (Sample & { item_id: string })[];
  for (const { item_id, ...sample } of sampleRows) {
    const list = samples.get(item_id) ?? [];
    list.push(sample);
    samples.set(item_id, list);
  }
  return {
    auditId,
    templateId: audit.template_id,
    templateVersion: audit.template_version,
    templateTitle: templateTitle(ctx, audit.template_id, audit.template_version),
    soaVersion: audit.soa_version,
    soaImportedAt: audit.soa_imported_at,
    items: itemRows(ctx, auditId).map((row) => toItem(row, samples.get(row.id) ?? [])),
  };
}

function itemRow(ctx: RepoContext, id: string): ItemRow {
  const row = ctx.db.prepare(`SELECT i.*, ${HAS_FINDING} FROM checklist_items i WHERE id = ?`).get(id) as
    ItemRow | undefined;
  if (!row) throw new DomainError('not_found', { key: 'errors:checklist.itemNotFound' });
  return row;
}

export function getItem(ctx: RepoContext, id: string): ChecklistItem {
  const row = itemRow(ctx, id);
  const samples = ctx.db
    .prepare('SELECT id, identifier, description FROM checklist_samples WHERE item_id = ? ORDER BY position')
    .all(id) as Sample[];
  return toItem(row, samples);
}

/**
 * Applies a partial edit: absent fields stay as they are. The item's row is
 * stamped only when one of its own columns really changes, and sampled records
 * keep their ids (repos/children.ts), so a later merge sees only real edits.
 */
/** `by` is written with the change, so the trail trigger records who set the result. */
export function updateItem(ctx: RepoContext, id: string, patch: Patch, by = ''): ChecklistItem {
  const row = itemRow(ctx, id);
  requireEditableAudit(ctx, row.audit_id);
  const refused = patch.result === 'not_applicable' && patch.result !== row.result ? notApplicableRefused(row) : null;
  if (refused) throw new DomainError('invalid_input', refused, [{ path: ['patch', 'result'], message: refused }]);
  if (patch.assigneeId) {
    const member = ctx.db
      .prepare('SELECT 1 FROM audit_team WHERE id = ? AND audit_id = ?')
      .get(patch.assigneeId, row.audit_id);
    if (!member) {
      throw new DomainError('invalid_input', { key: 'errors:checklist.assigneeNotOnTeam' }, [
        { path: ['patch', 'assigneeId'], message: "Choose a member of this audit's team" },
      ]);
    }
  }
  const next = {
    result: patch.result ?? row.result,
    notes: patch.notes ?? row.notes,
    assignee_id: patch.assigneeId === undefined ? row.assignee_id : patch.assigneeId,
    sample_size: patch.sampleSize === undefined ? row.sample_size : patch.sampleSize,
    minutes_spent: patch.minutesSpent === undefined ? row.minutes_spent : patch.minutesSpent,
  };
  const s = stamp(ctx);
  if ((Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== row[k])) {
    ctx.db
      .prepare(
        `UPDATE checklist_items SET result = @result, notes = @notes, assignee_id = @assignee_id,
           sample_size = @sample_size, minutes_spent = @minutes_spent, updated_at = @now, device_id = @device,
           updated_by = @by
         WHERE id = @id`,
      )
      .run({ ...next, id, now: s.now, device: s.device, by });
  }
  if (patch.samples) {
    syncChildren(
      ctx,
      s,
      { table: 'checklist_samples', parentColumn: 'item_id', parentId: id, columns: ['identifier', 'description'] },
      patch.samples,
    );
  }
  return getItem(ctx, id);
}

const strings = (json: string): string[] => JSON.parse(json) as string[];

/** The imported SoA entry of a control; null until an SoA is imported (and always for clauses and topics). */
export const soaOf = (row: Pick<ItemRow, 'soa_applicable' | 'soa_justification' | 'soa_status'>): SoaEntry | null =>
  row.soa_applicable === null
    ? null
    : {
        applicable: row.soa_applicable === 1,
        justification: row.soa_justification ?? '',
        status: row.soa_status ?? '',
      };

function toItem(row: ItemRow, samples: Sample[]): ChecklistItem {
  return {
    id: row.id,
    auditId: row.audit_id,
    position: row.position,
    ref: row.ref,
    kind: row.kind,
    groupId: row.group_id,
    groupTitle: row.group_title,
    groupKind: row.group_kind,
    number: row.number,
    title: row.title,
    questions: strings(row.questions),
    evidence: strings(row.evidence),
    clauses: strings(row.clauses),
    result: row.result,
    needsFinding: stillNeedsFinding(row.result, row.has_finding === 1),
    notes: row.notes,
    assigneeId: row.assignee_id,
    sampleSize: row.sample_size,
    minutesSpent: row.minutes_spent,
    samples,
    soa: soaOf(row),
    updatedAt: row.updated_at,
  };
}
