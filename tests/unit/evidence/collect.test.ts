import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { tempBackend, value } from '../../helpers/backend';
import { blobNames, filesIn, seedAudit, sha256, upload } from './helpers';

let t: ReturnType<typeof tempBackend>;
let auditId: string;
let itemIds: string[];
let clientId: string;
beforeEach(async () => {
  t = tempBackend();
  ({ auditId, itemIds, clientId } = await seedAudit(t.backend));
});
afterEach(() => t.cleanup());

const item = (i: number) => ({ type: 'checklist_item' as const, id: itemIds[i]! });
const rows = () => t.backend.db.prepare('SELECT COUNT(*) FROM evidence').pluck().get();
const queue = () => t.backend.db.prepare('SELECT sha256 FROM evidence_gc').pluck().all();

describe('collecting files no attachment uses', () => {
  it('deletes the attachment with its last link, and then its file and preview', async () => {
    const jpeg = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#000' } })
      .jpeg()
      .toBuffer();
    const { evidence } = value(await upload(t.backend, auditId, 'a.jpg', jpeg, [item(0), item(1)]));
    expect(filesIn(t.dataDir, 'thumbs')).toHaveLength(1);
    const first = value(await t.backend.call('evidence.unlink', { id: evidence.id, target: item(0) }));
    expect(first.evidence?.links).toEqual([item(1)]);
    expect(blobNames(t.dataDir)).toEqual([sha256(jpeg)]);
    const last = value(await t.backend.call('evidence.unlink', { id: evidence.id, target: item(1) }));
    expect(last.evidence).toBeNull();
    expect(rows()).toBe(0);
    expect(blobNames(t.dataDir)).toEqual([]);
    expect(filesIn(t.dataDir, 'thumbs')).toEqual([]);
    expect(queue()).toEqual([]);
    const again = await t.backend.call('evidence.unlink', { id: evidence.id, target: item(1) });
    expect(again.ok ? 'ok' : again.error.code).toBe('not_found');
  });

  it('keeps the file while another audit’s attachment uses it', async () => {
    const other = await seedAudit(t.backend, clientId);
    const bytes = randomBytes(2000);
    const a = value(await upload(t.backend, auditId, 'a.bin', bytes, [item(0)]));
    value(await upload(t.backend, other.auditId, 'a.bin', bytes));
    expect(value(await t.backend.call('evidence.unlink', { id: a.evidence.id, target: item(0) })).evidence).toBeNull();
    expect(blobNames(t.dataDir)).toEqual([sha256(bytes)]);
    expect(queue()).toEqual([]);
  });

  it('deletes an attachment and its file on request', async () => {
    const bytes = randomBytes(100);
    const { evidence } = value(await upload(t.backend, auditId, 'a.bin', bytes));
    expect(value(await t.backend.call('evidence.delete', { id: evidence.id }))).toEqual({ id: evidence.id });
    expect(rows()).toBe(0);
    expect(t.backend.db.prepare('SELECT COUNT(*) FROM evidence_links').pluck().get()).toBe(0);
    expect(blobNames(t.dataDir)).toEqual([]);
    const gone = await t.backend.call('evidence.get', { id: evidence.id });
    expect(gone.ok ? 'ok' : gone.error.code).toBe('not_found');
  });

  it('collects every file of a deleted audit, but not those other audits use', async () => {
    const other = await seedAudit(t.backend, clientId);
    const shared = randomBytes(300);
    const own = [randomBytes(100), randomBytes(200)];
    for (const [i, b] of own.entries()) value(await upload(t.backend, auditId, `f${i}.bin`, b, [item(i)]));
    value(await upload(t.backend, auditId, 'shared.bin', shared));
    value(await upload(t.backend, other.auditId, 'shared.bin', shared));
    expect(blobNames(t.dataDir)).toHaveLength(3);
    value(await t.backend.call('audits.delete', { id: auditId }));
    expect(blobNames(t.dataDir)).toEqual([sha256(shared)]);
    expect(queue()).toEqual([]);
    expect(value(await t.backend.call('evidence.list', { auditId: other.auditId }))).toHaveLength(1);
  });

  it('collects after any operation whose cascade deleted attachments', async () => {
    // A record deleted by another part of the app takes its links, and a last link its attachment.
    const bytes = randomBytes(100);
    value(await upload(t.backend, auditId, 'a.bin', bytes, [item(2)]));
    t.backend.db.prepare('DELETE FROM checklist_items WHERE id = ?').run(itemIds[2]);
    expect(rows()).toBe(0);
    expect(queue()).toEqual([sha256(bytes)]);
    value(await t.backend.call('app.info', {}));
    expect(blobNames(t.dataDir)).toEqual([]);
    expect(queue()).toEqual([]);
  });

  it('never collects a file an upload is about to reference', async () => {
    const bytes = randomBytes(100);
    const { evidence } = value(await upload(t.backend, auditId, 'a.bin', bytes));
    const { uploadId } = value(await t.backend.call('evidence.uploadBegin', { auditId, name: 'b.bin', size: 100 }));
    value(await t.backend.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: bytes.toString('base64') }));
    // Delete the only user of the digest while the same bytes are being committed.
    const claim = t.backend.evidence.store.claim(sha256(bytes));
    value(await t.backend.call('evidence.delete', { id: evidence.id }));
    expect(blobNames(t.dataDir)).toEqual([sha256(bytes)]);
    const committed = t.backend.call('evidence.uploadCommit', { uploadId, links: [{ type: 'audit', id: auditId }] });
    t.backend.evidence.store.release(claim, sha256(bytes));
    value(await committed);
    value(await t.backend.call('app.info', {}));
    expect(blobNames(t.dataDir)).toEqual([sha256(bytes)]);
    expect(queue()).toEqual([]);
  });

  it('at start-up, empties tmp, drains the queue and removes files no row refers to', async () => {
    const kept = randomBytes(100);
    value(await upload(t.backend, auditId, 'kept.bin', kept));
    t.backend.close();
    const store = t.backend.evidence.store;
    const orphan = sha256(Buffer.from('orphan'));
    mkdirSync(join(store.blobPath(orphan), '..'), { recursive: true });
    writeFileSync(store.blobPath(orphan), 'orphan');
    mkdirSync(join(store.thumbPath(orphan), '..'), { recursive: true });
    writeFileSync(store.thumbPath(orphan), 'x');
    writeFileSync(join(store.tmpDir, 'leftover.part'), 'half a file');
    // Not ours: the sweep leaves names it does not recognise alone.
    writeFileSync(join(t.dataDir, 'evidence', 'blobs', 'README'), 'x');
    t.backend = openBackend({ dataDir: t.dataDir, appVersion: 'test' });
    expect(blobNames(t.dataDir)).toEqual(['README', sha256(kept)].sort());
    expect(filesIn(t.dataDir, 'thumbs')).toEqual([]);
    expect(filesIn(t.dataDir, 'tmp')).toEqual([]);
  });
});
