import type { Database } from 'better-sqlite3';
import { MIGRATION_1 } from './migration-1';
import { MIGRATION_2 } from './migration-2';
import { MIGRATION_3 } from './migration-3';
import { MIGRATION_4 } from './migration-4';
import { MIGRATION_5 } from './migration-5';
import { MIGRATION_6 } from './migration-6';
import { MIGRATION_7 } from './migration-7';
import { MIGRATION_8 } from './migration-8';
import { MIGRATION_9 } from './migration-9';
import { MIGRATION_10 } from './migration-10';
import { MIGRATION_11 } from './migration-11';
import { MIGRATION_12 } from './migration-12';
import { MIGRATION_13 } from './migration-13';
import { MIGRATION_14 } from './migration-14';
import { MIGRATION_15 } from './migration-15';
import { MIGRATION_16 } from './migration-16';
import { MIGRATION_17 } from './migration-17';
import { MIGRATION_18 } from './migration-18';
import { MIGRATION_19 } from './migration-19';
import { MIGRATION_20 } from './migration-20';

/**
 * Ordered schema migrations, one file each. The database's PRAGMA user_version
 * is the number of migrations applied. Never edit a released migration: append
 * a new one. A released migration's SQL is frozen text, not built by helpers
 * that later code may change (tests/unit/core/migrations-frozen.test.ts).
 * Every table is STRICT and every row carries created_at, updated_at and the
 * id of the device that last changed it, for the coming multi-laptop merge.
 */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /**
   * Rebuilds a table other tables refer to (SQLite cannot change a CHECK in place): run with foreign keys off,
   * as SQLite's own procedure says — a DROP TABLE would otherwise delete the children through ON DELETE
   * CASCADE — and the keys checked before the transaction commits.
   */
  readonly rebuildsTables?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  MIGRATION_1,
  MIGRATION_2,
  MIGRATION_3,
  MIGRATION_4,
  MIGRATION_5,
  MIGRATION_6,
  MIGRATION_7,
  MIGRATION_8,
  MIGRATION_9,
  MIGRATION_10,
  MIGRATION_11,
  MIGRATION_12,
  MIGRATION_13,
  MIGRATION_14,
  MIGRATION_15,
  MIGRATION_16,
  MIGRATION_17,
  MIGRATION_18,
  MIGRATION_19,
  MIGRATION_20,
];

export const SCHEMA_VERSION = MIGRATIONS.length;

export class NewerDatabaseError extends Error {
  constructor(found: number, supported: number) {
    super(
      `This data folder was written by a newer version of Fieldwork (schema ${found}; this version knows up to ${supported}). ` +
        'Update Fieldwork to open it. Nothing was changed.',
    );
    this.name = 'NewerDatabaseError';
  }
}

/** Applies pending migrations in one transaction: either all land or none. */
export function migrate(db: Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > migrations.length) throw new NewerDatabaseError(current, migrations.length);
  const pending = migrations.slice(current);
  if (pending.length === 0) return current;
  const rebuild = pending.some((m) => m.rebuildsTables);
  const keys = db.pragma('foreign_keys', { simple: true }) as number;
  // Only outside a transaction does this pragma take effect.
  if (rebuild && keys) db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (const m of pending) {
        db.exec(m.sql);
        db.pragma(`user_version = ${m.version}`);
      }
      if (rebuild && keys && (db.pragma('foreign_key_check') as unknown[]).length > 0) {
        throw new Error('A migration left a row pointing at a missing record; nothing was changed.');
      }
    }).immediate();
  } finally {
    if (rebuild && keys) db.pragma('foreign_keys = ON');
  }
  return migrations.length;
}
