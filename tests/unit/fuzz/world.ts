import { createHash } from 'node:crypto';
import type { Backend } from '#core/backend';
import { dumpDatabase } from '../../helpers/backend';
import type { World } from '../core/malformed/types';

export { EXTENSIONS } from '../core/malformed/extensions';
export { seedWorld, validInputs } from '../../helpers/world';
export { walWitness } from '../../helpers/wal-witness';

/** Every id of every row (and the world's session ids), for inputs that name real records. */
export function idsOf(backend: Backend, w: World): string[] {
  const tables = backend.db
    .prepare(
      `SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c
       WHERE m.type = 'table' AND c.name = 'id' AND m.name NOT LIKE 'sqlite_%'`,
    )
    .pluck()
    .all() as string[];
  const ids = new Set<string>();
  for (const t of tables) {
    for (const id of backend.db.prepare(`SELECT id FROM "${t}" LIMIT 200`).pluck().all()) {
      if (typeof id === 'string') ids.add(id);
    }
  }
  for (const v of Object.values(w.x)) ids.add(v);
  return [...ids].sort();
}

/** SHA-256 of every row of every table: equal before and after means the database did not change. */
export function digest(backend: Backend): string {
  return createHash('sha256')
    .update(JSON.stringify(dumpDatabase(backend.db)))
    .digest('hex');
}
