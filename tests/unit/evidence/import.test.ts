import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  createWriteStream,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  watch,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importEvidenceFiles } from '#core/evidence/import';
import { tempBackend, value } from '../../helpers/backend';
import { blobNames, filesIn, seedAudit, sha256 } from './helpers';

let t: ReturnType<typeof tempBackend>;
let auditId: string;
let src: string;
beforeEach(async () => {
  t = tempBackend();
  ({ auditId } = await seedAudit(t.backend));
  src = mkdtempSync(join(tmpdir(), 'fieldwork-import-'));
});
afterEach(() => {
  t.cleanup();
  // Restore permissions so the folder can be removed.
  spawnSync('chmod', ['-R', 'u+rwx', src]);
  rmSync(src, { recursive: true, force: true });
});

/** Root reads files whatever their mode, so chmod 000 makes nothing unreadable for it. */
const isRoot = process.getuid?.() === 0;

/** Writes `mb` MiB of random bytes without holding them in memory; answers their SHA-256. */
async function bigFile(path: string, mb: number): Promise<string> {
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let i = 0; i < mb; i++) {
    const chunk = randomBytes(1024 * 1024);
    hash.update(chunk);
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return hash.digest('hex');
}

describe('importing files from disk', () => {
  it('walks folders, imports what it can read, and lists what it could not', async () => {
    const files: Record<string, Buffer> = {
      'a.bin': randomBytes(1000),
      'photos/b.bin': randomBytes(2000),
      'photos/deeper/c.bin': randomBytes(3000),
    };
    mkdirSync(join(src, 'photos/deeper'), { recursive: true });
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(src, name), bytes);
    writeFileSync(join(src, 'same-as-a.bin'), files['a.bin']!);
    writeFileSync(join(src, 'empty.txt'), '');
    // Entries that cannot be read, whoever runs the tests: a dangling link, a pipe, a link to a folder.
    symlinkSync(join(src, 'nowhere'), join(src, 'dangling'));
    expect(spawnSync('mkfifo', [join(src, 'pipe')]).status).toBe(0);
    symlinkSync(join(src, 'photos'), join(src, 'link-to-photos'));
    const expected = [
      [join(src, 'dangling'), /cannot be read: it does not exist \(or is a broken link\)/],
      [join(src, 'empty.txt'), /^“empty\.txt” is empty \(0 bytes\); nothing was added\.$/],
      [join(src, 'link-to-photos'), /links to folders are not followed/],
      [join(src, 'pipe'), /not a regular file/],
    ] as [string, RegExp][];
    if (!isRoot) {
      writeFileSync(join(src, 'secret.bin'), randomBytes(10));
      chmodSync(join(src, 'secret.bin'), 0o000);
      mkdirSync(join(src, 'locked'));
      writeFileSync(join(src, 'locked', 'x.bin'), randomBytes(10));
      chmodSync(join(src, 'locked'), 0o000);
      expected.push([join(src, 'locked'), /cannot be read: permission denied/]);
      expected.push([join(src, 'secret.bin'), /cannot be read: permission denied/]);
    }
    const progress: number[] = [];
    const r = await importEvidenceFiles(t.backend, {
      auditId,
      paths: [src, join(src, 'does-not-exist')],
      addedBy: 'Lena Lead',
      onProgress: (p) => progress.push(p.done),
    });
    expected.push([join(src, 'does-not-exist'), /does not exist/]);
    expect(r.added).toBe(3);
    expect(r.duplicates).toBe(1);
    expect(r.stopped).toBeNull();
    expect(r.failed.map((f) => f.path).sort()).toEqual(expected.map(([p]) => p).sort());
    for (const [path, reason] of expected) expect(r.failed.find((f) => f.path === path)?.reason, path).toMatch(reason);
    expect(progress.at(-1)).toBe(progress.length);

    const list = value(await t.backend.call('evidence.list', { auditId }));
    // Files are imported in parallel: either copy of a.bin may name the attachment.
    const names = list.map((e) => e.originalName).sort();
    expect([
      ['a.bin', 'b.bin', 'c.bin'],
      ['b.bin', 'c.bin', 'same-as-a.bin'],
    ]).toContainEqual(names);
    for (const e of list) {
      expect(e.links).toEqual([{ type: 'audit', id: auditId }]);
      expect(e.addedBy).toBe('Lena Lead');
    }
    expect(blobNames(t.dataDir).sort()).toEqual(
      ['a.bin', 'photos/b.bin', 'photos/deeper/c.bin'].map((n) => sha256(files[n]!)).sort(),
    );
    expect(filesIn(t.dataDir, 'tmp')).toEqual([]);
  });

  it('streams a large file into the store intact', async () => {
    const path = join(src, 'video.mov');
    const digest = await bigFile(path, 48);
    const r = await importEvidenceFiles(t.backend, { auditId, paths: [path] });
    expect(r).toMatchObject({ added: 1, failed: [] });
    const [e] = value(await t.backend.call('evidence.list', { auditId }));
    expect(e).toMatchObject({ sha256: digest, size: 48 * 1024 * 1024 });
    expect(sha256(readFileSync(t.backend.evidence.store.blobPath(digest)))).toBe(digest);
  });

  it('cancelled mid-file, leaves no temp file, no stored file and no row', async () => {
    const path = join(src, 'long.bin');
    await bigFile(path, 64);
    const cancel = new AbortController();
    mkdirSync(t.backend.evidence.store.tmpDir, { recursive: true });
    // Cancel as soon as the file starts arriving in the store.
    const watcher = watch(t.backend.evidence.store.tmpDir, () => cancel.abort());
    let r;
    try {
      r = await importEvidenceFiles(t.backend, { auditId, paths: [path, path], signal: cancel.signal });
    } finally {
      watcher.close();
    }
    expect(r).toMatchObject({
      added: 0,
      duplicates: 0,
      failed: [],
      notAttempted: 2,
      stopped: 'The import was cancelled.',
    });
    expect(filesIn(t.dataDir, 'tmp')).toEqual([]);
    expect(blobNames(t.dataDir)).toEqual([]);
    expect(value(await t.backend.call('evidence.list', { auditId }))).toEqual([]);
  });

  it('refuses an unknown or closed audit before reading anything', async () => {
    writeFileSync(join(src, 'a.bin'), 'x');
    await expect(importEvidenceFiles(t.backend, { auditId: t.backend.deviceId, paths: [src] })).rejects.toThrow(
      /does not exist/,
    );
    for (const status of ['in_progress', 'reporting', 'closed'] as const) {
      value(await t.backend.call('audits.setStatus', { id: auditId, status, reason: 'Closed for the test' }));
    }
    await expect(importEvidenceFiles(t.backend, { auditId, paths: [src] })).rejects.toThrow(/closed audit/);
    expect(blobNames(t.dataDir)).toEqual([]);
  });
});
