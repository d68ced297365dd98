import { finishExport } from '../../helpers/export-jobs';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '#core/demo/seed';
import { DEMO_PASSPHRASE } from '#core/demo/reports';
import { tempBackend, value } from '../../helpers/backend';
import { distinctiveWindow } from '../../helpers/needle';
import { finished } from '../backup/helpers';
import { readBack, upload } from './helpers';

/**
 * An encrypted data folder (a data key given to openBackend): after the demo, an uploaded photo and an issued
 * report, a draft export downloaded, another caught while its worker writes and then cancelled, and a team
 * package uploaded but not imported, no distinctive plaintext is anywhere in the folder's files (temporary ones
 * included), and everything still reads back.
 */

const DATABASE = /^fieldwork\.sqlite(-wal|-shm|-journal)?$/;
const SEALED = Buffer.from('FWEC');

/** Every file under `dir`: its path relative to it and its bytes. */
function allFiles(dir: string): { path: string; bytes: Buffer }[] {
  const out: { path: string; bytes: Buffer }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push({ path: relative(dir, path), bytes: readFileSync(path) });
    }
  };
  walk(dir);
  return out;
}

async function readAll(read: (offset: number) => Promise<{ dataBase64: string; eof: boolean }>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ;) {
    const r = await read(offset);
    const part = Buffer.from(r.dataBase64, 'base64');
    parts.push(part);
    offset += part.length;
    if (r.eof) return Buffer.concat(parts);
  }
}

describe('an encrypted data folder', { timeout: 300_000 }, () => {
  let t: ReturnType<typeof tempBackend>;
  let photo: Buffer;
  let photoId: string;
  let photoSha: string;
  let issued: Buffer;
  let needles: { what: string; bytes: Buffer }[];
  let teamPackage: Buffer | undefined;
  let uploadId: string | undefined;

  beforeAll(async () => {
    t = tempBackend({ dataKey: randomBytes(32) });
    const { auditIds } = await seedDemo(t.backend, new Date('2026-05-04T10:00:00Z'));
    // A photo of noise: its bytes occur nowhere else by chance.
    photo = await sharp(randomBytes(96 * 96 * 3), { raw: { width: 96, height: 96, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    const committed = value(await upload(t.backend, auditIds[1]!, 'server-room.jpg', photo));
    photoId = committed.evidence.id;
    photoSha = createHash('sha256').update(photo).digest('hex');
    const issue = t.backend.db.prepare('SELECT id FROM report_issues LIMIT 1').pluck().get() as string;
    issued = await readAll(async (offset) =>
      value(await t.backend.call('reports.readIssue', { issueId: issue, offset, length: 1024 * 1024 })),
    );
    const db = t.backend.db;
    const client = db.prepare('SELECT name FROM clients ORDER BY name LIMIT 1').pluck().get() as string;
    const note = db
      .prepare('SELECT notes FROM checklist_items WHERE length(notes) > 60 ORDER BY id LIMIT 1')
      .pluck()
      .get() as string;
    const statement = db
      .prepare('SELECT statement FROM findings WHERE length(statement) > 40 ORDER BY id LIMIT 1')
      .pluck()
      .get() as string;
    const docx = await JSZip.loadAsync(issued);
    const media = Object.keys(docx.files).filter((n) => n.startsWith('word/media/'));
    expect(media.length).toBeGreaterThan(0);
    const embedded = await docx.file(media[0]!)!.async('nodebuffer');
    // A paragraph of the report as Word stores it: the longest run of text in its document part.
    const xml = await docx.file('word/document.xml')!.async('string');
    const runs = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]{40,})<\/w:t>/g)].map((m) => m[1]!);
    expect(runs.length).toBeGreaterThan(0);
    const paragraph = runs.reduce((a, b) => (b.length > a.length ? b : a));
    needles = [
      { what: 'the client name', bytes: Buffer.from(client) },
      { what: 'a checklist note', bytes: Buffer.from(note.slice(10, 50)) },
      { what: 'a finding statement', bytes: Buffer.from(statement.slice(0, 40)) },
      { what: "the photo's bytes", bytes: distinctiveWindow(photo) },
      { what: "the issued report's bytes", bytes: distinctiveWindow(issued) },
      { what: 'a photo inside the issued report', bytes: distinctiveWindow(embedded) },
      { what: "a ZIP part's name (a plain DOCX)", bytes: Buffer.from('word/document.xml') },
      { what: "a photo part's name (a plain DOCX being written)", bytes: Buffer.from('word/media/photo-') },
      { what: 'a paragraph of the issued report', bytes: Buffer.from(paragraph.slice(0, 40)) },
      { what: "the photo's SHA-256 (hex)", bytes: Buffer.from(photoSha) },
      { what: "the photo's SHA-256 (bytes)", bytes: Buffer.from(photoSha, 'hex') },
    ];
  }, 300_000);
  afterAll(() => t?.cleanup());

  it('keeps evidence, thumbnails and issued reports sealed, under names that are not their SHA-256', () => {
    const shas = t.backend.db.prepare('SELECT sha256 FROM evidence UNION SELECT sha256 FROM report_issues').pluck();
    const known = new Set(shas.all() as string[]);
    const stored = allFiles(t.dataDir).filter((f) => /^(evidence[\\/](blobs|thumbs)|reports)[\\/]/.test(f.path));
    expect(stored.filter((f) => f.path.startsWith('reports')).length).toBeGreaterThan(0);
    expect(stored.filter((f) => f.path.includes('thumbs')).length).toBeGreaterThan(0);
    for (const f of stored) {
      expect(f.bytes.subarray(0, 4).equals(SEALED), f.path).toBe(true);
      const name = /([0-9a-f]{64})(\.jpg|\.docx)?$/.exec(f.path)?.[1];
      expect(name, f.path).toBeDefined();
      expect(known.has(name!), f.path).toBe(false);
    }
  });

  it('writes team packages with the evidence decrypted into them, and keeps the package itself sealed', async () => {
    const auditId = t.backend.db.prepare('SELECT audit_id FROM evidence WHERE id = ?').pluck().get(photoId) as string;
    const identityId = t.backend.db.prepare('SELECT id FROM signing_identities LIMIT 1').pluck().get() as string;
    const sent = value(
      await t.backend.call('team.export', {
        auditId,
        identityId,
        unlock: { kind: 'passphrase', passphrase: DEMO_PASSPHRASE },
        by: 'Lena Lead',
      }),
    );
    const pkg = await readAll(async (offset) =>
      value(await t.backend.call('team.read', { fileId: sent.fileId, offset, length: 1024 * 1024 })),
    );
    const zip = await JSZip.loadAsync(pkg);
    expect((await zip.file(`evidence/${photoSha}`)!.async('nodebuffer')).equals(photo)).toBe(true);
    needles.push({ what: "the team package's bytes", bytes: distinctiveWindow(pkg) });
    teamPackage = pkg;
  });

  it('keeps an uploaded team package sealed until it is imported; preview reads it sealed, copying it nowhere', async () => {
    const pkg = teamPackage!;
    const begin = value(await t.backend.call('team.uploadBegin', { name: 'from-lena.fwpkg', size: pkg.length }));
    for (let offset = 0; offset < pkg.length; offset += begin.chunkBytes) {
      const dataBase64 = pkg.subarray(offset, offset + begin.chunkBytes).toString('base64');
      value(await t.backend.call('team.uploadChunk', { uploadId: begin.uploadId, offset, dataBase64 }));
    }
    // Previewed (its own folder's package: whatever it answers), then left waiting: not imported.
    await t.backend.call('team.preview', { uploadId: begin.uploadId });
    const copies = readdirSync(tmpdir()).filter((n) => n.startsWith('fieldwork-packages-'));
    const copied = copies.flatMap((d) => readdirSync(join(tmpdir(), d)).map((f) => join(tmpdir(), d, f)));
    // Earlier versions read a plaintext copy in the temp folder (tests/unit/team/sealed-package.test.ts watches it all).
    expect(copied.some((f) => readFileSync(f).equals(pkg))).toBe(false);
    // The upload, and the package exported above (kept for the app to save): both sealed.
    const waiting = allFiles(t.dataDir).filter((f) => f.path.endsWith('.fwpkg'));
    expect(waiting.length).toBe(2);
    for (const f of waiting) expect(f.bytes.subarray(0, 4).equals(SEALED), f.path).toBe(true);
    uploadId = begin.uploadId;
    // Checked with every other file below, while it waits.
    needles.push({
      what: 'bytes of the uploaded team package',
      bytes: distinctiveWindow(pkg, pkg.length >> 2),
    });
  });

  it("writes an export sealed from its first byte: the worker's file caught mid-build, then cancelled", async () => {
    // An audit still open for changes, with an issued finding (whose photos the report shows).
    const { auditId, finding } = t.backend.db
      .prepare(
        `SELECT f.audit_id AS auditId, f.id AS finding FROM findings f JOIN audits a ON a.id = f.audit_id
          WHERE f.status <> 'draft' AND a.status <> 'closed' ORDER BY f.id LIMIT 1`,
      )
      .get() as { auditId: string; finding: string };
    // Large photos of noise on an issued finding: shrinking them keeps the worker busy while its file grows.
    for (let i = 0; i < 4; i++) {
      const big = await sharp(randomBytes(1600 * 1200 * 3), { raw: { width: 1600, height: 1200, channels: 3 } })
        .jpeg({ quality: 90 })
        .toBuffer();
      value(await upload(t.backend, auditId, `rack-${i}.jpg`, big, [{ type: 'finding', id: finding }]));
    }
    const exportsDir = join(t.dataDir, 'exports');
    let caught: { path: string; bytes: Buffer }[] = [];
    // The file is caught once it holds a written photo; an export that finished first is tried again.
    for (let attempt = 0; attempt < 5 && caught.length === 0; attempt++) {
      const job = value(await t.backend.call('exports.start', { auditId, kind: 'report', format: 'docx' }));
      for (;;) {
        const growing = existsSync(exportsDir)
          ? allFiles(exportsDir).filter((f) => f.path.endsWith('.tmp') && f.bytes.length > 64 * 1024)
          : [];
        const state = value(await t.backend.call('exports.status', { jobId: job.id })).state;
        if (growing.length > 0 && state === 'running') {
          caught = growing;
          break;
        }
        if (state !== 'running') break;
        await delay(10);
      }
      const cancelled = await t.backend.call('exports.cancel', { jobId: job.id });
      if (caught.length > 0) expect(value(cancelled).state).toBe('cancelled');
    }
    expect(caught.length).toBeGreaterThan(0);
    const found: string[] = [];
    for (const f of caught) {
      expect(f.bytes.subarray(0, 4).equals(SEALED), f.path).toBe(true);
      for (const n of needles) if (f.bytes.includes(n.bytes)) found.push(`${n.what} in ${f.path}`);
      if (f.bytes.includes(Buffer.from('PK\x03\x04', 'latin1'))) found.push(`a ZIP header in ${f.path}`);
    }
    expect(found).toEqual([]);
    // Cancelled: nothing of it is left.
    expect(allFiles(exportsDir).filter((f) => f.path.endsWith('.tmp'))).toEqual([]);
  });

  it('leaves no distinctive plaintext in any file outside the database', async () => {
    // Also with a backup made and a draft export downloaded: neither may leave plaintext behind.
    const backup = await finished(t.backend, value(await t.backend.call('backups.create', {})));
    expect(backup.state).toBe('done');
    // Its counts are the plaintext's, as the database records them (not the sealed files' sizes).
    const recorded = t.backend.db
      .prepare('SELECT coalesce(sum(size), 0) FROM (SELECT DISTINCT sha256, size FROM evidence)')
      .pluck()
      .get() as number;
    expect(backup.backup?.counts.evidenceBytes).toBe(recorded);
    const auditId = t.backend.db.prepare('SELECT audit_id FROM report_issues LIMIT 1').pluck().get() as string;
    const job = await finishExport(
      t.backend,
      value(await t.backend.call('exports.start', { auditId, kind: 'report', format: 'docx' })),
    );
    expect(job.state).toBe('done');
    const draft = await readAll(async (offset) =>
      value(await t.backend.call('exports.read', { jobId: job.id, offset, length: 1024 * 1024 })),
    );
    expect(draft.subarray(0, 2).toString()).toBe('PK');

    const files = allFiles(t.dataDir).filter((f) => !DATABASE.test(f.path) && !f.path.startsWith('backups'));
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const f of files) {
      for (const n of needles) if (f.bytes.includes(n.bytes)) found.push(`${n.what} in ${f.path}`);
      if (f.path.includes(photoSha)) found.push(`the photo's SHA-256 in the name ${f.path}`);
    }
    expect(found).toEqual([]);
  });

  it('backs up the sealed files as they are, under their stored names', async () => {
    const backups = allFiles(join(t.dataDir, 'backups')).filter((f) => f.path.endsWith('.fwbackup'));
    expect(backups.length).toBeGreaterThan(0);
    const zip = await JSZip.loadAsync(backups[0]!.bytes);
    const members = Object.keys(zip.files).filter((n) => /^(evidence|reports)\//.test(n));
    expect(members.length).toBeGreaterThan(0);
    for (const name of members) {
      expect(name).not.toContain(photoSha);
      const bytes = await zip.file(name)!.async('nodebuffer');
      expect(bytes.subarray(0, 4).equals(SEALED), name).toBe(true);
      expect(readFileSync(join(t.dataDir, ...name.split('/'))).equals(bytes), name).toBe(true);
    }
  });

  it('reads evidence back whole, by range, as a download and as a preview; issued reports verify', async () => {
    expect((await readBack(t.backend, photoId, 1000)).equals(photo)).toBe(true);
    const r = value(await t.backend.call('evidence.read', { id: photoId, offset: 1000, length: 500 }));
    expect(Buffer.from(r.dataBase64, 'base64').equals(photo.subarray(1000, 1500))).toBe(true);
    const dl = value(await t.backend.call('bytes.download', { kind: 'evidence', id: photoId }));
    expect(dl.size).toBe(photo.length);
    const piece = value(await t.backend.bytes.read(dl.downloadId, 7, 100));
    expect(Buffer.from(piece).equals(photo.subarray(7, 107))).toBe(true);
    const file = value(t.backend.bytes.file(dl.downloadId));
    const streamed: Buffer[] = [];
    for await (const p of file.stream()) streamed.push(p as Buffer);
    expect(Buffer.concat(streamed).equals(photo)).toBe(true);
    const thumb = value(await t.backend.call('evidence.thumbnail', { id: photoId }));
    expect(Buffer.from(thumb!.dataBase64, 'base64').subarray(0, 2).toString('hex')).toBe('ffd8');
    expect((await sharp(Buffer.from(thumb!.dataBase64, 'base64')).metadata()).width).toBe(96);

    const issueId = t.backend.db.prepare('SELECT id FROM report_issues LIMIT 1').pluck().get() as string;
    const verified = value(await t.backend.call('reports.verify', { issueId }));
    expect(verified.status).toBe('valid');
    // The issued report's photos came out of the sealed store: none is a stand-in for an unreadable file.
    const warnings = t.backend.db.prepare('SELECT warnings FROM report_issues').pluck().all() as string[];
    expect(warnings.join('\n')).not.toMatch(/could not be read|missing/i);
  });

  it('after the database is encrypted too (helper C), no plaintext is left anywhere in the folder', (ctx) => {
    const head = readFileSync(join(t.dataDir, 'fieldwork.sqlite')).subarray(0, 16).toString('latin1');
    // Skipped, not passed, while the database is still a plain SQLite file.
    if (head === 'SQLite format 3\0') ctx.skip();
    const found: string[] = [];
    for (const f of allFiles(t.dataDir)) {
      for (const n of needles) if (f.bytes.includes(n.bytes)) found.push(`${n.what} in ${f.path}`);
    }
    expect(found).toEqual([]);
  });

  it('leaves no plaintext copy of the uploaded package in the temp folder when the upload goes', async () => {
    value(await t.backend.call('team.uploadAbort', { uploadId: uploadId! }));
    const copies = readdirSync(tmpdir()).filter((n) => n.startsWith('fieldwork-packages-'));
    const copied = copies.flatMap((d) => readdirSync(join(tmpdir(), d)).map((f) => join(tmpdir(), d, f)));
    expect(copied.filter((f) => readFileSync(f).equals(teamPackage!))).toEqual([]);
  });
});
