import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { copyAndHash } from '../../bench/copy-hash';

// The evidence-ingest bench's floor must do the work it stands for: every byte copied, each file stored under its
// SHA-256 (as sha256sum computes it) in blobs/<first two hex digits>/, nothing left in tmp.
describe('copyAndHash (the evidence-ingest floor)', () => {
  let root = '';
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores every file under its SHA-256, byte for byte, over more files than one fsync batch', async () => {
    root = mkdtempSync(join(tmpdir(), 'fieldwork-copy-hash-'));
    const src = join(root, 'src');
    mkdirSync(src);
    // Sizes around the 1 MiB chunk, then small files: more than the 64 of one fsync batch.
    const sizes = [1, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 2 * 1024 * 1024 + 7];
    const files = Array.from({ length: 70 }, (_, i) => {
      const path = join(src, `f${i}.bin`);
      writeFileSync(path, randomBytes(sizes[i] ?? 100 + i * 37));
      return path;
    });
    await copyAndHash(files, join(root, 'dest'));

    const sums = execFileSync('sha256sum', files, { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map((line) => line.split(/\s+/));
    for (const [sha, path] of sums) {
      const stored = join(root, 'dest', 'blobs', sha!.slice(0, 2), sha!);
      expect(readFileSync(stored).equals(readFileSync(path!))).toBe(true);
    }
    const stored = readdirSync(join(root, 'dest', 'blobs'), { recursive: true, withFileTypes: true }).filter((e) =>
      e.isFile(),
    );
    expect(stored).toHaveLength(files.length);
    expect(readdirSync(join(root, 'dest', 'tmp'))).toEqual([]);
    // 70 fsyncs on a disk other tests may be busy with.
  }, 60_000);
});
