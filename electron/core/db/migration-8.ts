import type { Migration } from './migrations';

/**
 * Migration 8: files being added, visible to every process on the data folder.
 * Before a process moves a file into the evidence store (or reuses the one
 * already there) it commits a row here, and it deletes that row in the
 * transaction that writes the attachment. Collection, in any process, deletes
 * a file only inside a write transaction that finds neither an attachment nor
 * a placement for its digest. A placement older than a generous grace period
 * (its process died mid-add) may be expired; the adding process then re-checks
 * the file before writing its row (evidence/store.ts).
 * Local bookkeeping, never merged between laptops: no row metadata.
 * Frozen: a test checks the SHA-256 of its SQL. Never change it: append a migration.
 */
export const MIGRATION_8: Migration = {
  version: 8,
  name: 'evidence placements',
  sql: `
    -- Rows live only while an add is in flight, so the table stays a few rows
    -- long: one b-tree and no secondary index keep each claim to one page write.
    CREATE TABLE evidence_placements (
      id TEXT PRIMARY KEY,
      sha256 TEXT NOT NULL,
      -- Milliseconds since 1970, by the placing process's clock.
      placed_at INTEGER NOT NULL
    ) STRICT, WITHOUT ROWID;
  `,
};
