import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '#core/backend';
import { newId } from '#core/ids';
import { EVIDENCE_MAX_BYTES } from '#shared/domain/evidence';
import { databaseDigest, tempBackend, value } from '../../helpers/backend';
import { readBack, seedAudit } from './helpers';

/**
 * `evidence.importPaths` (the desktop app's import of chosen files by path) on
 * real files: regular files and a link to one are added whole; a folder, a
 * FIFO, a device, a missing file, an empty one and one past 64 GiB (sparse) are
 * refused by name without being opened; Cancel leaves whole files or none; an
 * encrypted folder holds no plaintext of an imported file afterwards.
 */

let src: string;
beforeAll(() => {
  src = mkdtempSync(join(tmpdir(), 'fieldwork-import-paths-'));
});
afterAll(() => rmSync(src, { recursive: true, force: true }));

const importPaths = (backend: Backend, auditId: string, paths: string[], importId = randomUUID()) =>
  backend.dispatch('evidence.importPaths', { importId, auditId, paths, links: [{ type: 'audit', id: auditId }] });

type Results = {
  results: (
    | { ok: true; value: { evidence: { id: string; originalName: string } } }
    | { ok: false; error: { code: string; message: string } }
  )[];
};

/** Every file under `dir` (relative path and bytes). */
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

describe('evidence.importPaths', { timeout: 120_000 }, () => {
  let t: ReturnType<typeof tempBackend>;
  let auditId: string;
  beforeAll(async () => {
    t = tempBackend();
    ({ auditId } = await seedAudit(t.backend));
  });
  afterAll(() => t?.cleanup());

  it('adds regular files and links to them, and refuses by name what is not a readable regular file', async () => {
    const photo = randomBytes(3 * 1024 * 1024 + 17); // more than the 1 MiB read buffer, not a multiple of it
    const notes = Buffer.from('Interview notes, server room visit');
    writeFileSync(join(src, 'photo.jpg'), photo);
    writeFileSync(join(src, 'notes.txt'), notes);
    symlinkSync(join(src, 'notes.txt'), join(src, 'link-to-notes.txt'));
    mkdirSync(join(src, 'folder'));
    symlinkSync(join(src, 'folder'), join(src, 'link-to-folder'));
    execFileSync('mkfifo', [join(src, 'pipe')]);
    writeFileSync(join(src, 'empty.txt'), '');
    writeFileSync(join(src, 'huge.bin'), '');
    truncateSync(join(src, 'huge.bin'), EVIDENCE_MAX_BYTES + 1); // sparse: no disk space used
    const paths = [
      join(src, 'photo.jpg'),
      join(src, 'folder'),
      join(src, 'link-to-notes.txt'),
      join(src, 'pipe'),
      join(src, 'missing.pdf'),
      '/dev/null',
      join(src, 'link-to-folder'),
      join(src, 'empty.txt'),
      join(src, 'huge.bin'),
    ];
    const r = value(await importPaths(t.backend, auditId, paths)) as Results;
    const [added, folder, link, pipe, missing, device, linkedFolder, empty, huge] = r.results;
    expect(added).toMatchObject({ ok: true, value: { evidence: { originalName: 'photo.jpg' } } });
    expect(link).toMatchObject({ ok: true, value: { evidence: { originalName: 'link-to-notes.txt' } } });
    if (!added?.ok || !link?.ok) throw new Error('not added');
    expect((await readBack(t.backend, added.value.evidence.id)).equals(photo)).toBe(true);
    expect((await readBack(t.backend, link.value.evidence.id)).equals(notes)).toBe(true);
    const refusal = (item: Results['results'][number] | undefined) => (item && !item.ok ? item.error : null);
    expect(refusal(folder)).toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/“folder” is a folder/) as string,
    });
    expect(refusal(linkedFolder)?.message).toMatch(/“link-to-folder” is a folder/);
    expect(refusal(pipe)?.message).toMatch(/“pipe” is not a regular file/);
    expect(refusal(device)?.message).toMatch(/“null” is not a regular file/);
    expect(refusal(missing)?.message).toMatch(/“missing\.pdf” cannot be read: it no longer exists/);
    expect(refusal(empty)?.message).toMatch(/“empty\.txt” is empty/);
    expect(refusal(huge)).toMatchObject({
      code: 'too_large',
      message: expect.stringMatching(/“huge\.bin” is larger than 64 GiB/) as string,
    });
    // Nothing of the refused ones was stored, and no temp file is left behind.
    const listed = value(await t.backend.call('evidence.list', { auditId }));
    expect(listed.map((e) => e.originalName).sort()).toEqual(['link-to-notes.txt', 'photo.jpg']);
    expect(readdirSync(join(t.dataDir, 'evidence', 'tmp'))).toEqual([]);
    // Finished: no progress to report any more.
    expect(value(await t.backend.call('evidence.importStatus', { importId: 'anything' }))).toBeNull();
  });

  it('changes nothing when every file is refused', async () => {
    const before = databaseDigest(t.backend.db);
    const r = value(await importPaths(t.backend, auditId, [join(src, 'folder'), join(src, 'nope')])) as Results;
    expect(r.results.every((x) => !x.ok)).toBe(true);
    expect(databaseDigest(t.backend.db)).toEqual(before);
  });

  it('stops reading on Cancel: each file is added whole or reported cancelled, no temp file left', async () => {
    const dir = join(src, 'card');
    mkdirSync(dir);
    const files = Array.from({ length: 6 }, (_, i) => {
      const bytes = randomBytes(16 * 1024 * 1024);
      writeFileSync(join(dir, `clip-${i}.mp4`), bytes);
      return bytes;
    });
    const importId = randomUUID();
    const running = importPaths(
      t.backend,
      auditId,
      files.map((_, i) => join(dir, `clip-${i}.mp4`)),
      importId,
    );
    // Cancel as soon as the import has read something.
    let seen = null;
    for (;;) {
      seen = value(await t.backend.call('evidence.importStatus', { importId }));
      if (seen && seen.bytesDone > 0) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(seen).toMatchObject({ filesTotal: 6, bytesTotal: 6 * 16 * 1024 * 1024 });
    value(await t.backend.call('evidence.importCancel', { importId }));
    const r = value(await running) as Results;
    const cancelled = r.results.filter((x) => !x.ok);
    expect(cancelled.length).toBeGreaterThan(0);
    for (const x of cancelled)
      if (!x.ok)
        expect(x.error).toMatchObject({
          code: 'cancelled',
          message: expect.stringMatching(/“clip-\d\.mp4” was not imported: the import was cancelled/) as string,
        });
    for (const [i, x] of r.results.entries()) {
      if (x.ok) expect((await readBack(t.backend, x.value.evidence.id)).equals(files[i]!)).toBe(true);
    }
    expect(readdirSync(join(t.dataDir, 'evidence', 'tmp'))).toEqual([]);
  });

  it('refuses an unknown audit as a whole', async () => {
    const r = await importPaths(t.backend, newId(), [join(src, 'photo.jpg')]);
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});

describe('evidence.importPaths into an encrypted folder', { timeout: 120_000 }, () => {
  it('leaves no plaintext of the imported file in the data folder', async () => {
    const t = tempBackend({ dataKey: randomBytes(32) });
    try {
      const { auditId } = await seedAudit(t.backend);
      const needle = `Risk register of Contoso Ltd ${randomUUID()}`;
      const secret = Buffer.concat([Buffer.from(needle), randomBytes(2 * 1024 * 1024), Buffer.from(needle)]);
      const path = join(src, 'risk-register.csv');
      writeFileSync(path, secret);
      const r = value(await importPaths(t.backend, auditId, [path])) as Results;
      const added = r.results[0]!;
      if (!added.ok) throw new Error(added.error.message);
      expect((await readBack(t.backend, added.value.evidence.id)).equals(secret)).toBe(true);
      t.backend.db.pragma('wal_checkpoint(TRUNCATE)');
      const leaks = allFiles(t.dataDir).filter(
        (f) => f.bytes.includes(needle) || f.bytes.includes(secret.subarray(100, 164)),
      );
      expect(leaks.map((f) => f.path)).toEqual([]);
    } finally {
      t.cleanup();
    }
  });
});
