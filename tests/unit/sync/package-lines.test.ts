import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MergeChange, MergeTombstone } from '#shared/rules/merge/index';
import { loadDeviceId } from '#core/device';
import { readPackage } from '#core/packages/read';
import { writePackage } from '#core/packages/write';
import { tempBackend } from '../../helpers/backend';
import { identity } from '../packages/helpers';

const t = tempBackend();
const dir = mkdtempSync(join(tmpdir(), 'fieldwork-lines-'));
afterAll(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const NOW = Date.parse('2026-06-01T10:00:00Z');
const device = loadDeviceId(t.dataDir);
const clock = (ms: number, n: number) => `${ms}-${String(n).padStart(6, '0')}-${device}`;

/**
 * The import parses a package's JSONL as it inflates (read.ts), 64 KiB at a
 * time: lines, and multi-byte characters, cut across those pieces must come
 * back whole, every record equal to what was written, in order.
 */
describe('team package records read as they inflate', () => {
  it('reads back thousands of records, lines and UTF-8 characters cut across the inflated pieces', async () => {
    const signer = await identity(t.backend, 'Lina Lines', 'ecdsa-p256');
    const changes: MergeChange[] = [];
    for (let i = 0; i < 4000; i++) {
      const row = `row-${Math.floor(i / 5)}`;
      changes.push({
        table: i % 2 ? 'interviews' : 'observations',
        rowId: row,
        field: `f${i % 5}`,
        // Lengths vary so line ends fall everywhere; é, ✓ and 🔒 take 2, 3 and 4 bytes.
        value: i % 7 === 0 ? i : `${'é✓🔒'.repeat(i % 37)} note ${i} “quoted”`,
        clock: clock(NOW - 100_000 + Math.floor(i / 5), 0),
        device,
        author: i % 3 ? 'Lina' : 'Ünal',
        replaces: i % 11 === 0 ? [clock(NOW - 200_000, i)] : [],
      });
    }
    const tombstones: MergeTombstone[] = [
      { table: 'interviews', rowId: 'gone', clock: clock(NOW - 50_000, 0), device, author: 'Lina', replaces: [] },
    ];
    const out = join(dir, 'many.fwpkg');
    await writePackage(
      out,
      {
        kind: 'return',
        auditId: '01890000-0000-7000-8000-0000000000a1',
        leadFolderId: '01890000-0000-7000-8000-0000000000b1',
        senderDevice: device,
        senderName: 'Lina Lines',
        versionVector: { [device]: clock(NOW - 50_000, 0) },
        createdAt: clock(NOW, 0),
        changes,
        tombstones,
        evidence: [],
      },
      signer,
    );
    const read = await readPackage(out, undefined, NOW);
    expect(read.changes).toEqual(changes);
    expect(read.tombstones).toEqual(tombstones);
  }, 120_000); // a signing identity (scrypt) and 4,000 records take seconds on a busy machine
});
