import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { ItemResult } from '#shared/domain/checklist';
import type { Finding, FindingRecordRef, FindingType } from '#shared/domain/finding';
import { FINDING_TYPE_LABELS } from '#shared/domain/finding';
import { SERIES, missingForIssue } from '#shared/rules/findings';
import { newId } from '../../ids';
import { stamp, type RepoContext, type Stamp } from '../context';
import { requireLinks, requireOpenAudit, requireRaisingAudit } from './checks';
import { findingRow, getFinding, type FindingRow } from './rows';
import { localDateTime } from './time';

type Data = OpParsed<'findings.create'>['finding'];
type Patch = OpParsed<'findings.update'>['patch'];

/**
 * Stamps the finding (who, when, which device) BEFORE its child rows change:
 * the child trail triggers attribute their entries to the finding's last stamp.
 * `columns` are written in the same UPDATE, so their trail rows carry it too.
 */
export function touchFinding(
  ctx: RepoContext,
  s: Stamp,
  id: string,
  by: string,
  columns: Record<string, string | number | null> = {},
): void {
  const names = Object.keys(columns);
  const sets = [...names.map((n) => `${n} = @${n}`), 'updated_at = @now', 'device_id = @device', 'updated_by = @by'];
  ctx.db
    .prepare(`UPDATE findings SET ${sets.join(', ')} WHERE id = @id`)
    .run({ ...columns, id, now: s.now, device: s.device, by });
}

/** Makes the finding's requirements exactly `itemIds`; answers whether anything changed. */
function syncItems(ctx: RepoContext, s: Stamp, findingId: string, itemIds: readonly string[], apply: boolean) {
  const existing = new Set(
    ctx.db.prepare('SELECT item_id FROM finding_items WHERE finding_id = ?').pluck().all(findingId) as string[],
  );
  const wanted = new Set(itemIds);
  const remove = [...existing].filter((id) => !wanted.has(id));
  const add = [...wanted].filter((id) => !existing.has(id));
  if (apply) {
    const del = ctx.db.prepare('DELETE FROM finding_items WHERE finding_id = ? AND item_id = ?');
    const ins = ctx.db.prepare(
      'INSERT INTO finding_items (finding_id, item_id, created_at, updated_at, device_id) VALUES (?, ?, ?, ?, ?)',
    );
    for (const id of remove) del.run(findingId, id);
    for (const id of add) ins.run(findingId, id, s.now, s.now, s.device);
  }
  return remove.length + add.length > 0;
}

const refKey = (r: FindingRecordRef) => `${r.type}:${r.id}`;

function syncRecords(
  ctx: RepoContext,
  s: Stamp,
  findingId: string,
  records: readonly FindingRecordRef[],
  apply: boolean,
) {
  const existing = ctx.db
    .prepare('SELECT record_type AS type, record_id AS id FROM finding_records WHERE finding_id = ?')
    .all(findingId) as FindingRecordRef[];
  const have = new Set(existing.map(refKey));
  const wanted = new Map(records.map((r) => [refKey(r), r]));
  const remove = existing.filter((r) => !wanted.has(refKey(r)));
  const add = [...wanted.values()].filter((r) => !have.has(refKey(r)));
  if (apply) {
    const del = ctx.db.prepare(
      'DELETE FROM finding_records WHERE finding_id = ? AND record_type = ? AND record_id = ?',
    );
    const ins = ctx.db.prepare(
      `INSERT INTO finding_records (finding_id, record_type, record_id, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?)`,
    );
    for (const r of remove) del.run(findingId, r.type, r.id);
    for (const r of add) ins.run(findingId, r.type, r.id, s.now, s.now, s.device);
  }
  return remove.length + add.length > 0;
}

function insertFinding(ctx: RepoContext, auditId: string, data: Data, by: string): string {
  const s = stamp(ctx);
  const id = newId();
  ctx.db
    .prepare(
      `INSERT INTO findings (id, audit_id, type, status, statement, evidence_text, site_id, raised_by, raised_at,
         updated_by, created_at, updated_at, device_id)
       VALUES (@id, @auditId, @type, 'draft', @statement, @evidenceText, @siteId, @raisedBy, @raisedAt,
         @by, @now, @now, @device)`,
    )
    .run({ ...data, id, auditId, by, now: s.now, device: s.device });
  syncItems(ctx, s, id, data.itemIds, true);
  syncRecords(ctx, s, id, data.records, true);
  return id;
}

export function createFinding(ctx: RepoContext, auditId: string, data: Data, by: string): Finding {
  requireRaisingAudit(ctx, auditId);
  requireLinks(ctx, auditId, data, ['finding']);
  return getFinding(ctx, insertFinding(ctx, auditId, data, by));
}

const TYPE_OF_RESULT: Partial<Record<ItemResult, FindingType>> = {
  minor_nc: 'minor',
  major_nc: 'major',
  ofi: 'ofi',
};

/** A draft from a checklist item flagged NC or OFI: its requirement and its attachments carried over. */
export function findingFromItem(ctx: RepoContext, itemId: string, type: FindingType | undefined, by: string): Finding {
  const item = ctx.db.prepare('SELECT id, audit_id, result, notes FROM checklist_items WHERE id = ?').get(itemId) as
    { id: string; audit_id: string; result: ItemResult; notes: string } | undefined;
  if (!item)
    throw new DomainError('not_found', 'This checklist item does not exist (its audit may have been deleted).');
  const fromResult = TYPE_OF_RESULT[item.result];
  if (!fromResult) {
    throw new DomainError(
      'invalid_input',
      'Only a checklist item marked as a nonconformity or an opportunity for improvement is raised as a finding; set its result first.',
    );
  }
  requireRaisingAudit(ctx, item.audit_id);
  const id = insertFinding(
    ctx,
    item.audit_id,
    {
      type: type ?? fromResult,
      itemIds: [item.id],
      statement: '',
      evidenceText: evidenceFromItem(ctx, item.id, item.notes),
      records: [],
      siteId: onlySiteOf(ctx, item.audit_id),
      raisedBy: by,
      raisedAt: localDateTime(ctx.now()),
    },
    by,
  );
  const s = stamp(ctx);
  ctx.db
    .prepare(
      `INSERT OR IGNORE INTO evidence_links (evidence_id, target_type, target_id, created_at, updated_at, device_id)
       SELECT evidence_id, 'finding', ?, ?, ?, ? FROM evidence_links
       WHERE target_type = 'checklist_item' AND target_id = ? ORDER BY rowid`,
    )
    .run(id, s.now, s.now, s.device, item.id);
  return getFinding(ctx, id);
}

/** Objective evidence to start from: the item's notes, then its sampled records, within the field's limit. */
function evidenceFromItem(ctx: RepoContext, itemId: string, notes: string): string {
  const samples = ctx.db
    .prepare('SELECT identifier, description FROM checklist_samples WHERE item_id = ? ORDER BY position')
    .all(itemId) as { identifier: string; description: string }[];
  const parts = [notes.trim()];
  if (samples.length > 0) {
    const lines = samples.map((s) => `- ${s.identifier}${s.description ? ` — ${s.description}` : ''}`);
    parts.push(`Sampled records:\n${lines.join('\n')}`);
  }
  return parts.filter(Boolean).join('\n\n').slice(0, EVIDENCE_TEXT_MAX);
}

const EVIDENCE_TEXT_MAX = 20_000;

/** The audit's site when it covers exactly one. */
function onlySiteOf(ctx: RepoContext, auditId: string): string | null {
  const sites = ctx.db.prepare('SELECT site_id FROM audit_sites WHERE audit_id = ? LIMIT 2').pluck().all(auditId);
  return sites.length === 1 ? (sites[0] as string) : null;
}

const withArticle = (type: FindingType) => {
  const label = FINDING_TYPE_LABELS[type].toLowerCase();
  return `${/^[aeiou]/.test(label) ? 'an' : 'a'} ${label}`;
};

const COLUMNS = {
  type: 'type',
  statement: 'statement',
  evidenceText: 'evidence_text',
  siteId: 'site_id',
  raisedBy: 'raised_by',
  raisedAt: 'raised_at',
} as const satisfies Partial<Record<keyof Patch, keyof FindingRow>>;

/**
 * Drafts take any edit. An issued finding keeps its number, so it may be
 * regraded only within its series (minor ↔ major), and it must stay complete.
 * Status moves only through the lifecycle operations.
 */
export function updateFinding(ctx: RepoContext, id: string, patch: Patch, by: string): Finding {
  const row = findingRow(ctx, id);
  requireOpenAudit(ctx, row);
  requireLinks(ctx, row.audit_id, patch, ['patch']);
  const issued = row.status !== 'draft';
  if (issued && patch.type !== undefined && SERIES[patch.type] !== SERIES[row.type]) {
    throw new DomainError(
      'conflict',
      `${row.number ?? 'This finding'} is issued as ${withArticle(row.type)} and keeps its number: ` +
        `it cannot become ${withArticle(patch.type)}. Raise a new finding instead.`,
    );
  }
  const current = row as unknown as Record<string, unknown>;
  const changed = Object.fromEntries(
    (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).flatMap((k) => {
      const v = patch[k];
      return v !== undefined && v !== current[COLUMNS[k]] ? [[COLUMNS[k], v]] : [];
    }),
  ) as Record<string, string | null>;
  const s = stamp(ctx);
  const itemsChange = patch.itemIds ? syncItems(ctx, s, id, patch.itemIds, false) : false;
  const recordsChange = patch.records ? syncRecords(ctx, s, id, patch.records, false) : false;
  if (Object.keys(changed).length === 0 && !itemsChange && !recordsChange) return getFinding(ctx, id);
  touchFinding(ctx, s, id, by, changed);
  if (patch.itemIds && itemsChange) syncItems(ctx, s, id, patch.itemIds, true);
  if (patch.records && recordsChange) syncRecords(ctx, s, id, patch.records, true);
  if (issued) requireStillComplete(ctx, findingRow(ctx, id));
  return getFinding(ctx, id);
}

/** What missingForIssue needs, read from the stored finding. */
export function completeness(ctx: RepoContext, row: FindingRow) {
  const count = (sql: string) => ctx.db.prepare(sql).pluck().get(row.id) as number;
  return {
    type: row.type,
    statement: row.statement,
    evidenceText: row.evidence_text,
    requirementCount: count('SELECT count(*) FROM finding_items WHERE finding_id = ?'),
    evidenceLinks:
      count('SELECT count(*) FROM finding_records WHERE finding_id = ?') +
      count("SELECT count(*) FROM evidence_links WHERE target_type = 'finding' AND target_id = ?"),
  };
}

/** Thrown inside the transaction, so the edit that made it incomplete is rolled back. */
export function requireStillComplete(ctx: RepoContext, row: FindingRow): void {
  const missing = missingForIssue(completeness(ctx, row));
  if (missing.length > 0) {
    throw new DomainError(
      'invalid_input',
      `${row.number ?? 'This finding'} is issued and must stay complete; it would lack ${missing.join('; ')}.`,
    );
  }
}

/** Drafts only: an issued finding is part of the record. Its links go by cascade and trigger. */
export function deleteFinding(ctx: RepoContext, id: string): void {
  const row = findingRow(ctx, id);
  if (row.status !== 'draft') {
    throw new DomainError(
      'conflict',
      `An issued finding cannot be deleted; ${row.number ?? 'it'} stays part of the audit record. ` +
        'If it was raised in error, record that in its statement.',
    );
  }
  requireOpenAudit(ctx, row);
  ctx.db.prepare('DELETE FROM findings WHERE id = ?').run(id);
}
