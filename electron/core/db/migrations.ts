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
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }
  }).immediate();
  return migrations.length;
}
