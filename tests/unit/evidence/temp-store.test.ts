import { describe, expect, it } from 'vitest';
import { tempBackend } from '../../helpers/backend';

/** SQLite's PRAGMA temp_store: 2 is MEMORY. */
const MEMORY = 2;

describe("the backend's connection keeps SQLite's temporary b-trees in memory (db/open.ts)", () => {
  it('opens plain and encrypted folders with temp_store=MEMORY', () => {
    // Evidence rows' change-log triggers build temporary b-trees (UNION, ORDER BY) per row: in temp files they
    // cost about twice as much, and a temp file outside the data folder could hold a page of client data.
    for (const dataKey of [undefined, Buffer.alloc(32, 3)]) {
      const t = tempBackend(dataKey ? { dataKey } : {});
      try {
        expect(t.backend.db.pragma('temp_store', { simple: true })).toBe(MEMORY);
      } finally {
        t.cleanup();
      }
    }
  });
});
