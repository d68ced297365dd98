import { DomainError } from '#shared/api/result';
import { newId } from '../ids';
import type { RepoContext, Stamp } from './context';

/**
 * Brings a parent's child rows (contacts, sites, team members) in line with
 * an edited list while keeping ids stable: rows with a known id are updated,
 * rows without an id are inserted, rows no longer listed are deleted. Stable
 * ids matter because other records (audit scope, later findings) point at them.
 * Table and column names come from code, never from input.
 */
export function syncChildren<T extends { id?: string | undefined }>(
  ctx: RepoContext,
  s: Stamp,
  spec: { table: string; parentColumn: string; parentId: string; columns: readonly (keyof T & string)[] },
  rows: readonly T[],
): string[] {
  const { db } = ctx;
  const { table, parentColumn, parentId, columns } = spec;
  const cols = columns.map((c) => snake(c));
  const existing = new Map(
    (
      db
        .prepare(`SELECT id, position, ${cols.join(', ')} FROM ${table} WHERE ${parentColumn} = ?`)
        .all(parentId) as Record<string, unknown>[]
    ).map((r) => [r.id as string, r]),
  );
  const kept = new Set<string>();
  const ids: string[] = [];
  const insert = db.prepare(
    `INSERT INTO ${table} (id, ${parentColumn}, position, ${cols.join(', ')}, created_at, updated_at, device_id)
     VALUES (?, ?, ?, ${cols.map(() => '?').join(', ')}, ?, ?, ?)`,
  );
  const update = db.prepare(
    `UPDATE ${table} SET position = ?, ${cols.map((c) => `${c} = ?`).join(', ')}, updated_at = ?, device_id = ?
     WHERE id = ? AND ${parentColumn} = ?`,
  );
  rows.forEach((row, position) => {
    const values = columns.map((c) => row[c] as unknown);
    if (row.id !== undefined) {
      const before = existing.get(row.id);
      if (!before || kept.has(row.id)) {
        throw new DomainError('not_found', { key: 'errors:records.noSuchEntry', params: { id: row.id } });
      }
      // Untouched rows keep their stamps, so a later merge sees only real edits.
      const changed = before.position !== position || cols.some((c, i) => before[c] !== values[i]);
      if (changed) update.run(position, ...values, s.now, s.device, row.id, parentId);
      kept.add(row.id);
      ids.push(row.id);
    } else {
      const id = newId();
      insert.run(id, parentId, position, ...values, s.now, s.now, s.device);
      ids.push(id);
    }
  });
  const del = db.prepare(`DELETE FROM ${table} WHERE id = ?`);
  for (const id of existing.keys()) if (!kept.has(id)) del.run(id);
  return ids;
}

const snake = (s: string): string => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
