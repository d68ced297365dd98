import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Backend } from '#core/backend';
import { DEMO_CALLS, loadDemo } from '#core/demo/load';
import { makeTx } from '#core/handlers/types';
import { databaseDigest, tempBackend, value } from '../../helpers/backend';

/**
 * demo.load (issue 19, defect 11): the first-run list's "Load the demo". It
 * fills an empty folder only; a failure part-way leaves the folder as it was.
 */
let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

/** Rows per table (FTS5's shadow tables included). */
function rowCounts(): Record<string, number> {
  const names = t.backend.db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.map((n) => [n, count(`"${n}"`)]));
}

const count = (table: string) => t.backend.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** Files in the evidence store (blobs and thumbnails), however deep. */
function storedFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

describe('demo.load', { timeout: 240_000 }, () => {
  it('fills an empty folder with the demo, counting its progress to the end; a second time is refused', async () => {
    const b = t.backend;
    let calls = 0;
    const counting: Backend = {
      ...b,
      call: (op, input) => {
        if (op !== 'exports.status') calls++;
        return b.call(op, input);
      },
    };
    const loaded = await loadDemo(b.context, makeTx(b.db, b.deviceId), counting);
    expect(loaded).toEqual({ clients: 2, audits: 4 });
    // The progress bar's total is the number of operations the demo makes, so it ends full.
    expect(calls).toBe(DEMO_CALLS);
    expect(value(await b.call('demo.progress', {}))).toEqual({ running: false, done: 0, total: DEMO_CALLS });
    const clients = value(await b.call('clients.list', {}));
    expect(clients.map((c) => c.name).sort()).toEqual(['Nordlicht Logistics GmbH', expect.any(String)].sort());
    expect(value(await b.call('branding.get', {})).name).toBe('Meridian Certification GmbH');

    const before = databaseDigest(b.db);
    const again = await b.call('demo.load', {});
    expect(again.ok).toBe(false);
    if (!again.ok) {
      expect(again.error.code).toBe('conflict');
      expect(again.error.message).toMatch(/only fills an empty data folder.*Nothing was changed/);
    }
    expect(databaseDigest(b.db)).toEqual(before);
  });

  it('a failure part-way removes what the demo added and keeps what the user had set up', async () => {
    const b = t.backend;
    const empty = rowCounts();
    const triggers = b.db
      .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%'")
      .pluck()
      .get();
    value(
      await b.call('branding.update', {
        name: 'Own CB Ltd',
        address: '1 Road',
        accreditation: '',
        website: '',
        reportNumberPattern: 'R-{seq}',
      }),
    );
    // The export that issues the demo's report, its last step, fails.
    const failing: Backend = {
      ...b,
      call: (op, input) =>
        op === 'exports.start'
          ? Promise.resolve({ ok: false, error: { code: 'internal', message: 'disk full' } })
          : b.call(op, input),
    };
    await expect(loadDemo(b.context, makeTx(b.db, b.deviceId), failing)).rejects.toThrow(
      /disk full.*The demo was not loaded; nothing was kept/,
    );
    for (const table of ['clients', 'audits', 'checklist_items', 'findings', 'evidence', 'signing_identities']) {
      expect(count(table), table).toBe(0);
    }
    expect(value(await b.call('branding.get', {}))).toMatchObject({ name: 'Own CB Ltd', logo: null });
    // Every table holds what it held in the empty folder, the user's branding besides (the change log keeps
    // the removals' tombstones, ids only; the trail's counter moved).
    const now = rowCounts();
    const moved = Object.keys(now).filter((k) => now[k] !== empty[k]);
    expect(moved.sort()).toEqual(['cb_settings', 'sqlite_sequence', 'tombstones']);
    expect(count('audit_trail')).toBe(0);
    // No word of the demo is left in the search index's segments.
    const segments = b.db.prepare('SELECT block FROM search_index_data').all() as { block: Buffer }[];
    expect(segments.some((r) => Buffer.from(r.block).includes('nordlicht'))).toBe(false);
    // The guards lifted for the clean-up are back.
    expect(
      b.db
        .prepare("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%RAISE(ABORT%'")
        .pluck()
        .get(),
    ).toBe(triggers);
    // The attachments' files went with their rows (collected once an operation ends).
    expect(storedFiles(join(t.dataDir, 'evidence'))).toEqual([]);
    // The folder is empty again: the demo can be loaded now.
    expect(value(await b.call('demo.progress', {})).running).toBe(false);
  });
});
