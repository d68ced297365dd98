import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreviewServer, type PreviewServer } from '#preview/server';
import type { EvidenceTarget } from '#shared/domain/evidence';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { filesIn, seedAudit, sha256 } from './helpers';

/**
 * Groups of uploads (evidence.uploadBeginMany / uploadCommitMany): the way the
 * app sends a camera card. Bytes go through the preview host's real byte route.
 */
const t = tempBackend();
const work = mkdtempSync(join(tmpdir(), 'fieldwork-groups-'));
let server: PreviewServer;
let auditId: string;
let itemIds: string[];

beforeAll(async () => {
  ({ auditId, itemIds } = await seedAudit(t.backend));
  server = await startPreviewServer({ backend: t.backend, staticDir: work });
}, 60_000);
afterAll(async () => {
  await server.close();
  t.cleanup();
  rmSync(work, { recursive: true, force: true });
});

const put = async (uploadId: string, offset: number, body: Buffer) => {
  const r = await fetch(`http://127.0.0.1:${server.port}/bytes/${uploadId}?offset=${offset}`, {
    method: 'PUT',
    headers: { 'X-Fieldwork-Token': server.token },
    body,
  });
  return { status: r.status, body: (await r.json()) as { ok: boolean; error?: { code: string; message: string } } };
};
const beginMany = async (files: { name: string; size: number }[], oneStream = true) =>
  value(await t.backend.call('evidence.uploadBeginMany', { auditId, files, oneStream }));
const commitMany = async (uploadIds: string[], links: EvidenceTarget[] = [{ type: 'audit', id: auditId }]) =>
  value(
    await t.backend.call('evidence.uploadCommitMany', {
      uploads: uploadIds.map((uploadId) => ({ uploadId, links, addedBy: 'Lena Lead' })),
    }),
  ).results;
const idsOf = (uploads: { ok: boolean; value?: { uploadId: string } }[]) => uploads.map((u) => u.value!.uploadId);
const rowsOf = () =>
  t.backend.db.prepare('SELECT original_name, sha256, size FROM evidence ORDER BY original_name').all() as {
    original_name: string;
  }[];

describe('groups of uploads', () => {
  it('takes a group’s files back to back in one stream, split across chunks, and commits them together', async () => {
    const bytes = [randomBytes(70_000), randomBytes(1), randomBytes(130_001)];
    const begun = await beginMany(bytes.map((b, i) => ({ name: `g1-${i}.bin`, size: b.length })));
    expect(begun.uploads.every((u) => u.ok)).toBe(true);
    const stream = Buffer.concat(bytes);
    // The chunk boundary falls inside the third file.
    const cut = 100_000;
    expect((await put(begun.streamId!, 0, stream.subarray(0, cut))).body).toEqual({
      ok: true,
      value: { received: cut },
    });
    expect((await put(begun.streamId!, cut, stream.subarray(cut))).status).toBe(200);
    // Complete: the stream is gone, each file's own upload holds its bytes.
    expect((await put(begun.streamId!, stream.length, Buffer.alloc(0))).status).toBe(404);

    const results = await commitMany(idsOf(begun.uploads));
    expect(results.map((r) => r.ok && r.value.evidence.sha256)).toEqual(bytes.map(sha256));
    for (const [i, r] of results.entries()) {
      if (!r.ok) throw new Error(r.error.message);
      expect(r.value).toMatchObject({ duplicate: false, renamed: null });
      expect(r.value.evidence).toMatchObject({
        originalName: `g1-${i}.bin`,
        size: bytes[i]!.length,
        addedBy: 'Lena Lead',
      });
      const onDisk = readFileSync(t.backend.evidence.store.blobPath(r.value.evidence.sha256));
      expect(onDisk.equals(bytes[i]!)).toBe(true);
    }
    expect(filesIn(t.dataDir, 'tmp')).toEqual([]);
  });

  it('answers each file in its place: refused ones leave the others, and an incomplete one stays usable', async () => {
    const a = randomBytes(5000);
    const b = randomBytes(6000);
    const begun = await beginMany([
      { name: 'g2-a.bin', size: a.length },
      { name: 'g2-empty.bin', size: 0 },
      { name: 'g2-b.bin', size: b.length },
    ]);
    expect(begun.uploads[1]).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: '“g2-empty.bin” is empty (0 bytes); nothing was added.' },
    });
    const [aId, , bId] = begun.uploads.map((u) => (u.ok ? u.value.uploadId : ''));
    // The stream carries only the begun files: a, then b. Only a's bytes and part of b's arrive.
    expect((await put(begun.streamId!, 0, Buffer.concat([a, b.subarray(0, 10)]))).status).toBe(200);
    const before = rowsOf();
    const results = await commitMany([bId!, aId!, 'no-such-upload']);
    expect(results[0]).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: `The upload is incomplete: 10 of ${b.length} bytes arrived. Send the rest first.`,
      },
    });
    expect(results[1]!.ok && results[1]!.value.evidence.sha256).toBe(sha256(a));
    expect(results[2]).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(rowsOf()).toEqual(
      [...before, { original_name: 'g2-a.bin', sha256: sha256(a), size: a.length }].sort((x, y) =>
        x.original_name < y.original_name ? -1 : 1,
      ),
    );
    // b goes on from where it stopped, through its own id or the stream's.
    expect((await put(begun.streamId!, a.length + 10, b.subarray(10))).status).toBe(200);
    const [again] = await commitMany([bId!], [{ type: 'checklist_item', id: itemIds[0]! }]);
    expect(again!.ok && again!.value.evidence.sha256).toBe(sha256(b));
  });

  it('refuses a stream that runs past its files before writing, and a bad link refuses only that file', async () => {
    const a = randomBytes(3000);
    const b = randomBytes(4000);
    const begun = await beginMany([
      { name: 'g3-a.bin', size: a.length },
      { name: 'g3-b.bin', size: b.length },
    ]);
    const [aId, bId] = idsOf(begun.uploads);
    const over = await put(begun.streamId!, 0, Buffer.concat([a, b, Buffer.from('x')]));
    expect(over.status).toBe(400);
    expect(over.body.error!.message).toMatch(/larger than the 7000 bytes announced/);
    // Nothing of the over-long piece was written: the stream goes on from where it was.
    expect((await put(begun.streamId!, 0, Buffer.concat([a, b]))).status).toBe(200);
    const db = dumpDatabase(t.backend.db);
    const results = await t.backend.call('evidence.uploadCommitMany', {
      uploads: [
        { uploadId: aId!, links: [{ type: 'checklist_item', id: auditId }] },
        { uploadId: bId!, links: [{ type: 'audit', id: auditId }] },
      ],
    });
    const [refused, added] = value(results).results;
    expect(refused).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(added!.ok && added!.value.evidence.sha256).toBe(sha256(b));
    expect(dumpDatabase(t.backend.db)).not.toEqual(db);
    // The refused file's upload was kept (checked before it was taken): fixed links commit it.
    const [fixed] = await commitMany([aId!]);
    expect(fixed!.ok && fixed!.value.evidence.sha256).toBe(sha256(a));
  });

  it('keeps one attachment for the same bytes twice in a group, and a cancelled group leaves no file', async () => {
    const same = randomBytes(2048);
    const begun = await beginMany([
      { name: 'g4-one.bin', size: same.length },
      { name: 'g4-two.bin', size: same.length },
    ]);
    expect((await put(begun.streamId!, 0, Buffer.concat([same, same]))).status).toBe(200);
    const [one, two] = await commitMany(idsOf(begun.uploads));
    expect(one!.ok && one!.value.duplicate).toBe(false);
    expect(two!.ok && two!.value.duplicate).toBe(true);
    expect(two!.ok && two!.value.evidence.id).toBe(one!.ok && one!.value.evidence.id);

    const tmpBefore = filesIn(t.dataDir, 'tmp');
    const cancelled = await beginMany([
      { name: 'g4-c.bin', size: 10 },
      { name: 'g4-d.bin', size: 10 },
    ]);
    expect(filesIn(t.dataDir, 'tmp')).toHaveLength(tmpBefore.length + 2);
    expect((await put(cancelled.streamId!, 0, randomBytes(15))).status).toBe(200);
    value(await t.backend.call('evidence.uploadAbort', { uploadId: cancelled.streamId! }));
    for (const uploadId of idsOf(cancelled.uploads)) value(await t.backend.call('evidence.uploadAbort', { uploadId }));
    expect(filesIn(t.dataDir, 'tmp')).toEqual(tmpBefore);
    expect((await put(cancelled.streamId!, 15, randomBytes(5))).status).toBe(404);
  });

  it('opens no stream unless asked, and none for a group whose files were all refused', async () => {
    const alone = await beginMany([{ name: 'g5.bin', size: 3 }], false);
    expect(alone.streamId).toBeNull();
    value(await t.backend.call('evidence.uploadAbort', { uploadId: idsOf(alone.uploads)[0]! }));
    const empty = await beginMany([{ name: 'g5-empty.bin', size: 0 }]);
    expect(empty).toMatchObject({ streamId: null, uploads: [{ ok: false, error: { code: 'invalid_input' } }] });
  });
});
