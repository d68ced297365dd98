import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newId } from '#core/ids';
import { UPLOAD_IDLE_MS } from '#core/bytes/uploads';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { blobNames, filesIn, readBack, seedAudit, sha256, upload } from './helpers';

let t: ReturnType<typeof tempBackend>;
let auditId: string;
let itemIds: string[];
let clientId: string;
beforeEach(async () => {
  t = tempBackend();
  ({ auditId, itemIds, clientId } = await seedAudit(t.backend));
});
afterEach(() => t.cleanup());

const errorOf = (r: { ok: boolean; error?: { code: string; message: string } }) =>
  r.ok ? 'ok' : `${r.error!.code}: ${r.error!.message}`;

describe('evidence uploads', () => {
  it('stores a file sent in chunks, byte for byte, under its SHA-256', async () => {
    // Not a multiple of the chunk size, so the last chunk is short.
    const bytes = randomBytes(9 * 1024 * 1024 + 123);
    const r = value(
      await upload(t.backend, auditId, 'scan.bin', bytes, [{ type: 'checklist_item', id: itemIds[0]! }], {
        description: 'Badge log',
        addedBy: 'Lena Lead',
      }),
    );
    expect(r.duplicate).toBe(false);
    expect(r.renamed).toBeNull();
    expect(r.evidence).toMatchObject({
      auditId,
      sha256: sha256(bytes),
      originalName: 'scan.bin',
      size: bytes.length,
      mediaType: 'application/octet-stream',
      description: 'Badge log',
      addedBy: 'Lena Lead',
      hasThumbnail: false,
      capturedAt: null,
      links: [{ type: 'checklist_item', id: itemIds[0] }],
    });
    expect((await readBack(t.backend, r.evidence.id)).equals(bytes)).toBe(true);
    const onDisk = readFileSync(t.backend.evidence.store.blobPath(r.evidence.sha256));
    expect(sha256(onDisk)).toBe(sha256(bytes));
    expect(filesIn(t.dataDir, 'tmp')).toEqual([]);
    expect(value(await t.backend.call('evidence.get', { id: r.evidence.id }))).toEqual(r.evidence);
  });

  it('reads back in ranges and says where the file ends', async () => {
    const bytes = randomBytes(1000);
    const { evidence } = value(await upload(t.backend, auditId, 'a.bin', bytes));
    const mid = value(await t.backend.call('evidence.read', { id: evidence.id, offset: 100, length: 50 }));
    expect(Buffer.from(mid.dataBase64, 'base64').equals(bytes.subarray(100, 150))).toBe(true);
    expect(mid).toMatchObject({ size: 1000, eof: false });
    const tail = value(await t.backend.call('evidence.read', { id: evidence.id, offset: 990, length: 50 }));
    expect(Buffer.from(tail.dataBase64, 'base64').equals(bytes.subarray(990))).toBe(true);
    expect(tail.eof).toBe(true);
    const end = value(await t.backend.call('evidence.read', { id: evidence.id, offset: 1000, length: 1 }));
    expect(end).toEqual({ dataBase64: '', size: 1000, eof: true });
    const past = await t.backend.call('evidence.read', { id: evidence.id, offset: 1001, length: 1 });
    expect(errorOf(past)).toMatch(/^invalid_input: .*past the end/);
  });

  it('keeps one file and one attachment for the same content twice in an audit, merging links', async () => {
    const bytes = randomBytes(5000);
    const first = value(
      await upload(t.backend, auditId, 'one.pdf', bytes, [{ type: 'checklist_item', id: itemIds[0]! }]),
    );
    const second = value(
      await upload(t.backend, auditId, 'copy.pdf', bytes, [
        { type: 'checklist_item', id: itemIds[1]! },
        { type: 'checklist_item', id: itemIds[0]! },
      ]),
    );
    expect(second.duplicate).toBe(true);
    expect(second.evidence.id).toBe(first.evidence.id);
    expect(second.evidence.originalName).toBe('one.pdf');
    expect(second.evidence.links).toEqual([
      { type: 'checklist_item', id: itemIds[0] },
      { type: 'checklist_item', id: itemIds[1] },
    ]);
    expect(value(await t.backend.call('evidence.list', { auditId }))).toHaveLength(1);
    expect(blobNames(t.dataDir)).toEqual([sha256(bytes)]);
    expect(filesIn(t.dataDir, 'tmp')).toEqual([]);
  });

  it('gives the same file in two audits two attachments sharing one stored file', async () => {
    const other = await seedAudit(t.backend, clientId);
    const bytes = randomBytes(3000);
    const a = value(await upload(t.backend, auditId, 'x.bin', bytes));
    const b = value(await upload(t.backend, other.auditId, 'x.bin', bytes));
    expect(b.duplicate).toBe(false);
    expect(b.evidence.id).not.toBe(a.evidence.id);
    expect(blobNames(t.dataDir)).toEqual([sha256(bytes)]);
  });

  it('lists newest first, filtered by target, with links', async () => {
    const a = value(await upload(t.backend, auditId, 'a.bin', randomBytes(10)));
    const b = value(
      await upload(t.backend, auditId, 'b.bin', randomBytes(10), [{ type: 'checklist_item', id: itemIds[0]! }]),
    );
    const c = value(
      await upload(t.backend, auditId, 'c.bin', randomBytes(10), [
        { type: 'checklist_item', id: itemIds[0]! },
        { type: 'audit', id: auditId },
      ]),
    );
    const all = value(await t.backend.call('evidence.list', { auditId }));
    expect(all.map((e) => e.id)).toEqual([c.evidence.id, b.evidence.id, a.evidence.id]);
    expect(all[0]!.links).toHaveLength(2);
    const onItem = value(
      await t.backend.call('evidence.list', { auditId, target: { type: 'checklist_item', id: itemIds[0]! } }),
    );
    expect(onItem.map((e) => e.id)).toEqual([c.evidence.id, b.evidence.id]);
    // Links are listed whole, not only the one filtered on.
    expect(onItem[0]!.links).toHaveLength(2);
    expect(errorOf(await t.backend.call('evidence.list', { auditId: newId() }))).toMatch(/^not_found/);
  });

  it('edits descriptions and links, and refuses targets outside the audit', async () => {
    const other = await seedAudit(t.backend, clientId);
    const { evidence } = value(await upload(t.backend, auditId, 'a.bin', randomBytes(10)));
    const edited = value(await t.backend.call('evidence.update', { id: evidence.id, description: ' Door log ' }));
    expect(edited.description).toBe('Door log');
    const linked = value(
      await t.backend.call('evidence.link', { id: evidence.id, target: { type: 'checklist_item', id: itemIds[2]! } }),
    );
    expect(linked.links).toContainEqual({ type: 'checklist_item', id: itemIds[2] });
    // Linking twice is harmless.
    value(
      await t.backend.call('evidence.link', { id: evidence.id, target: { type: 'checklist_item', id: itemIds[2]! } }),
    );
    const before = dumpDatabase(t.backend.db);
    const bad: [unknown, RegExp][] = [
      [{ type: 'checklist_item', id: other.itemIds[0] }, /^invalid_input: .*another audit/],
      [{ type: 'audit', id: other.auditId }, /^invalid_input: .*another audit/],
      [{ type: 'interview', id: newId() }, /^not_found/],
      [{ type: 'finding', id: newId() }, /^not_found: The finding to link the attachment to does not exist/],
    ];
    for (const [target, msg] of bad) {
      expect(errorOf(await t.backend.dispatch('evidence.link', { id: evidence.id, target }))).toMatch(msg);
    }
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });

  it('makes hostile names safe and says how', async () => {
    const cases: [string, string, RegExp | null][] = [
      ['../../etc/passwd', 'passwd', /folder parts/],
      ['a\\b', 'b', /folder parts/],
      ['C:\\Users\\x\\report.pdf', 'report.pdf', /folder parts/],
      ['bad\u0000na\u0007me\u202e.txt', 'badname.txt', /control characters/],
      ['..', 'attachment', /only dots/],
      ['../..', 'attachment', /only dots/],
      ['', 'attachment', /no name/],
      ['what?.txt', 'what_.txt', /not allowed/],
      ['plain name.jpg', 'plain name.jpg', null],
    ];
    for (const [given, kept, how] of cases) {
      const r = value(await upload(t.backend, auditId, given, randomBytes(20)));
      expect(r.evidence.originalName, JSON.stringify(given)).toBe(kept);
      if (how) expect(r.renamed, given).toMatch(how);
      else expect(r.renamed).toBeNull();
    }
    const long = `${'é'.repeat(300)}.jpeg`;
    const r = value(await upload(t.backend, auditId, long, randomBytes(20)));
    expect(Buffer.byteLength(r.evidence.originalName)).toBeLessThanOrEqual(255);
    expect(r.evidence.originalName).toMatch(/^é+\.jpeg$/);
    expect(r.renamed).toMatch(/shortened to 255 bytes, keeping the extension/);
  });

  it('refuses an empty file at begin, and nothing is added', async () => {
    const before = dumpDatabase(t.backend.db);
    const r = await t.backend.call('evidence.uploadBegin', { auditId, name: 'dir/empty.txt', size: 0 });
    expect(errorOf(r)).toBe('invalid_input: “empty.txt” is empty (0 bytes); nothing was added.');
    expect(dumpDatabase(t.backend.db)).toEqual(before);
    expect(filesIn(t.dataDir, 'tmp')).toEqual([]);
  });

  it('refuses chunks out of order or beyond the announced size, keeping the upload usable', async () => {
    const bytes = randomBytes(100);
    const { uploadId } = value(await t.backend.call('evidence.uploadBegin', { auditId, name: 'a.bin', size: 100 }));
    const chunk = (offset: number, from: number, to: number) =>
      t.backend.call('evidence.uploadChunk', {
        uploadId,
        offset,
        dataBase64: bytes.subarray(from, to).toString('base64'),
      });
    value(await chunk(0, 0, 40));
    expect(errorOf(await chunk(0, 0, 40))).toMatch(/^invalid_input: Chunk out of order: expected offset 40/);
    expect(errorOf(await chunk(80, 80, 100))).toMatch(/out of order/);
    expect(
      errorOf(
        await t.backend.call('evidence.uploadChunk', { uploadId, offset: 40, dataBase64: 'QUJD' + 'A'.repeat(80) }),
      ),
    ).toMatch(/^invalid_input: The upload is larger than the 100 bytes announced/);
    const early = await t.backend.call('evidence.uploadCommit', { uploadId, links: [{ type: 'audit', id: auditId }] });
    expect(errorOf(early)).toMatch(/^invalid_input: The upload is incomplete: 40 of 100 bytes/);
    value(await chunk(40, 40, 100));
    const done = value(
      await t.backend.call('evidence.uploadCommit', { uploadId, links: [{ type: 'audit', id: auditId }] }),
    );
    expect(done.evidence.sha256).toBe(sha256(bytes));
    // The upload is gone once committed.
    expect(errorOf(await chunk(100, 0, 0))).toMatch(/^not_found: This upload no longer exists/);
  });

  it('commits uploads finished together in one batch, each with its own row and file', async () => {
    const files = Array.from({ length: 5 }, (_, i) => randomBytes(1000 + i));
    const ids = await Promise.all(
      files.map(async (bytes, i) => {
        const { uploadId } = value(
          await t.backend.call('evidence.uploadBegin', { auditId, name: `f${i}.bin`, size: bytes.length }),
        );
        value(
          await t.backend.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') }),
        );
        return uploadId;
      }),
    );
    const links = [{ type: 'audit' as const, id: auditId }];
    const committed = await Promise.all(
      ids.map((uploadId) => t.backend.call('evidence.uploadCommit', { uploadId, links })),
    );
    committed.forEach((r, i) => {
      const { evidence } = value(r);
      expect([evidence.originalName, evidence.sha256]).toEqual([`f${i}.bin`, sha256(files[i]!)]);
    });
    expect(blobNames(t.dataDir).sort()).toEqual(files.map(sha256).sort());
    expect(filesIn(t.dataDir, 'tmp')).toEqual([]);
  });

  it('writes chunks sent without waiting in order', async () => {
    const bytes = randomBytes(300_000);
    const { uploadId } = value(
      await t.backend.call('evidence.uploadBegin', { auditId, name: 'a', size: bytes.length }),
    );
    const sends = [0, 100_000, 200_000].map((offset) =>
      t.backend.call('evidence.uploadChunk', {
        uploadId,
        offset,
        dataBase64: bytes.subarray(offset, offset + 100_000).toString('base64'),
      }),
    );
    expect((await Promise.all(sends)).map(errorOf)).toEqual(['ok', 'ok', 'ok']);
    const r = value(
      await t.backend.call('evidence.uploadCommit', { uploadId, links: [{ type: 'audit', id: auditId }] }),
    );
    expect(r.evidence.sha256).toBe(sha256(bytes));
  });

  it('keeps the upload when commit names a bad target, so it can be fixed', async () => {
    const bytes = randomBytes(64);
    const { uploadId } = value(await t.backend.call('evidence.uploadBegin', { auditId, name: 'a', size: 64 }));
    value(await t.backend.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') }));
    const before = dumpDatabase(t.backend.db);
    const bad = await t.backend.call('evidence.uploadCommit', { uploadId, links: [{ type: 'finding', id: newId() }] });
    expect(errorOf(bad)).toMatch(/^not_found: The finding to link the attachment to does not exist/);
    const unknown = await t.backend.call('evidence.uploadCommit', {
      uploadId,
      links: [{ type: 'observation', id: newId() }],
    });
    expect(errorOf(unknown)).toMatch(/^not_found/);
    expect(dumpDatabase(t.backend.db)).toEqual(before);
    expect(blobNames(t.dataDir)).toEqual([]);
    expect(filesIn(t.dataDir, 'tmp')).toHaveLength(1);
    value(await t.backend.call('evidence.uploadCommit', { uploadId, links: [{ type: 'audit', id: auditId }] }));
    expect(blobNames(t.dataDir)).toEqual([sha256(bytes)]);
  });

  it('removes the temp file when an upload is cancelled, or left idle', async () => {
    const { uploadId } = value(await t.backend.call('evidence.uploadBegin', { auditId, name: 'a', size: 10 }));
    value(await t.backend.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: 'AAAA' }));
    expect(filesIn(t.dataDir, 'tmp')).toHaveLength(1);
    expect(value(await t.backend.call('evidence.uploadAbort', { uploadId }))).toEqual({});
    expect(filesIn(t.dataDir, 'tmp')).toEqual([]);
    expect(errorOf(await t.backend.call('evidence.uploadAbort', { uploadId }))).toMatch(/^not_found/);

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const idle = value(await t.backend.call('evidence.uploadBegin', { auditId, name: 'b', size: 10 }));
      vi.advanceTimersByTime(UPLOAD_IDLE_MS - 1000);
      // A chunk restarts the clock.
      value(await t.backend.call('evidence.uploadChunk', { uploadId: idle.uploadId, offset: 0, dataBase64: 'AAAA' }));
      vi.advanceTimersByTime(UPLOAD_IDLE_MS - 1000);
      expect(filesIn(t.dataDir, 'tmp')).toHaveLength(1);
      vi.advanceTimersByTime(2000);
    } finally {
      vi.useRealTimers();
    }
    await vi.waitFor(() => expect(filesIn(t.dataDir, 'tmp')).toEqual([]));
  });

  it('cancels unfinished uploads when the backend closes, and start-up clears leftovers', async () => {
    value(await t.backend.call('evidence.uploadBegin', { auditId, name: 'a', size: 10 }));
    expect(filesIn(t.dataDir, 'tmp')).toHaveLength(1);
    t.backend.close();
    await vi.waitFor(() => expect(filesIn(t.dataDir, 'tmp')).toEqual([]));
    t.backend = (await import('#core/backend')).openBackend({ dataDir: t.dataDir, appVersion: 'test' });
  });

  it('refuses every change to a closed audit’s attachments, but still shows them', async () => {
    const bytes = randomBytes(50);
    const { evidence } = value(await upload(t.backend, auditId, 'a.bin', bytes));
    const pending = value(await t.backend.call('evidence.uploadBegin', { auditId, name: 'late', size: 4 }));
    value(
      await t.backend.call('evidence.uploadChunk', { uploadId: pending.uploadId, offset: 0, dataBase64: 'AAAAAA==' }),
    );
    for (const status of ['in_progress', 'reporting', 'closed'] as const) {
      value(await t.backend.call('audits.setStatus', { id: auditId, status, reason: 'Closed for the test' }));
    }
    const before = dumpDatabase(t.backend.db);
    const attempts = [
      t.backend.call('evidence.uploadBegin', { auditId, name: 'b', size: 3 }),
      t.backend.call('evidence.uploadCommit', { uploadId: pending.uploadId, links: [{ type: 'audit', id: auditId }] }),
      t.backend.call('evidence.update', { id: evidence.id, description: 'x' }),
      t.backend.call('evidence.link', { id: evidence.id, target: { type: 'checklist_item', id: itemIds[0]! } }),
      t.backend.call('evidence.unlink', { id: evidence.id, target: { type: 'audit', id: auditId } }),
      t.backend.call('evidence.delete', { id: evidence.id }),
    ];
    for (const r of await Promise.all(attempts)) expect(errorOf(r)).toMatch(/^conflict: A closed audit/);
    expect(dumpDatabase(t.backend.db)).toEqual(before);
    expect((await readBack(t.backend, evidence.id)).equals(bytes)).toBe(true);
    expect(value(await t.backend.call('evidence.list', { auditId }))).toHaveLength(1);
  });

  it('answers openExternal with unsupported outside the desktop app', async () => {
    const { evidence } = value(await upload(t.backend, auditId, 'a.bin', randomBytes(5)));
    expect(errorOf(await t.backend.call('evidence.openExternal', { id: evidence.id }))).toBe(
      'unsupported: Opening files with another app is only available in the desktop app; download the file instead.',
    );
    expect(errorOf(await t.backend.call('evidence.openExternal', { id: newId() }))).toMatch(/^not_found/);
  });
});
