import type { OpParsed } from '#shared/api/contract';
import { DomainError } from '#shared/api/result';
import type { TrailEntry } from '#shared/domain/finding';
import type { RepoContext } from '../context';

type Query = OpParsed<'findings.trail'>;

const TABLES: Record<Query['recordType'], string> = {
  finding: 'findings',
  checklist_item: 'checklist_items',
  recommendation: 'recommendations',
};

/** A record's trail, oldest first. The trail outlives the record (a deleted draft keeps its history). */
export function trailOf(ctx: RepoContext, { recordType, recordId }: Query): TrailEntry[] {
  const rows = ctx.db
    .prepare(
      `SELECT id, record_type AS recordType, record_id AS recordId, field, old_value AS oldValue,
         new_value AS newValue, changed_at AS changedAt, changed_by AS changedBy, device_id AS deviceId
       FROM audit_trail WHERE record_type = ? AND record_id = ? ORDER BY id`,
    )
    .all(recordType, recordId) as TrailEntry[];
  if (rows.length === 0 && !ctx.db.prepare(`SELECT 1 FROM ${TABLES[recordType]} WHERE id = ?`).get(recordId)) {
    throw new DomainError('not_found', { key: 'errors:findings.noSuchRecord' });
  }
  // Values are stored as SQLite gives them (numbers stay numbers); the trail answers text.
  return rows.map((r) => ({
    ...r,
    oldValue: r.oldValue === null ? null : String(r.oldValue),
    newValue: r.newValue === null ? null : String(r.newValue),
  }));
}
