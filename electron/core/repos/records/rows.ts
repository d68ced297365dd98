import { DomainError } from '#shared/api/result';
import { newId } from '../../ids';
import type { RepoContext, Stamp } from '../context';

/** The fieldwork record tables. Names come from code, never from input. */
export type RecordTable = 'interviews' | 'observations' | 'documents_reviewed';

export interface RecordRowBase {
  id: string;
  audit_id: string;
  created_at: string;
  updated_at: string;
}

/** Column values to write; `undefined` means "not part of this edit". */
export type Columns = Record<string, string | null | undefined>;

export function recordRow<T extends RecordRowBase>(
  ctx: RepoContext,
  table: RecordTable,
  id: string,
  what: 'interview' | 'observation' | 'document',
): T {
  const row = ctx.db.prepare(`SELECT * FROM ${table} WHERE id = ?`).get(id) as T | undefined;
  if (!row) throw new DomainError('not_found', { key: `errors:records.notFound.${what}` });
  return row;
}

export const recordRows = <T extends RecordRowBase>(
  ctx: RepoContext,
  table: RecordTable,
  auditId: string,
  order: string,
): T[] => ctx.db.prepare(`SELECT * FROM ${table} WHERE audit_id = ? ORDER BY ${order}`).all(auditId) as T[];

export function insertRecord(ctx: RepoContext, s: Stamp, table: RecordTable, auditId: string, values: Columns) {
  const id = newId();
  const names = Object.keys(values);
  ctx.db
    .prepare(
      `INSERT INTO ${table} (id, audit_id, ${names.join(', ')}, created_at, updated_at, device_id)
       VALUES (@id, @audit_id, ${names.map((n) => `@${n}`).join(', ')}, @now, @now, @device)`,
    )
    .run({ ...values, id, audit_id: auditId, now: s.now, device: s.device });
  return id;
}

/**
 * Writes only the columns whose value really changes, and stamps the row
 * only when something changed (its own columns or its links), so an
 * autosave that repeats the stored text leaves the row, and the search
 * index, untouched.
 */
export function patchRecord(
  ctx: RepoContext,
  s: Stamp,
  table: RecordTable,
  row: RecordRowBase,
  values: Columns,
  linksChanged: boolean,
): void {
  const current = row as unknown as Record<string, unknown>;
  const changed = Object.entries(values).filter(([k, v]) => v !== undefined && v !== current[k]);
  if (changed.length === 0 && !linksChanged) return;
  const sets = [...changed.map(([k]) => `${k} = @${k}`), 'updated_at = @now', 'device_id = @device'];
  ctx.db
    .prepare(`UPDATE ${table} SET ${sets.join(', ')} WHERE id = @id`)
    .run({ ...Object.fromEntries(changed), id: row.id, now: s.now, device: s.device });
}
