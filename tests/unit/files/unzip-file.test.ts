import { mkdtempSync, readdirSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openZipFile } from '#core/files/unzip-file';
import { writeZip } from './zip-writer';

const dir = mkdtempSync(join(tmpdir(), 'fw-unzip-file-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** How many of this process's file descriptors are open on `path` (Linux: /proc/self/fd). */
const openOn = (path: string) =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`) === path;
    } catch {
      return false; // closed while listing
    }
  }).length;

describe('a ZIP file read from disk', () => {
  it('reads its entries, and is closed on disk once close() resolves', async () => {
    const file = join(dir, 'two.zip');
    writeFileSync(
      file,
      writeZip([
        { name: 'a.txt', content: Buffer.from('alpha') },
        { name: 'b.bin', content: Buffer.alloc(100_000, 7), stored: true },
      ]),
    );
    const zip = await openZipFile(file, { unpackedBytes: 1_000_000, entries: 10 });
    expect(zip.entries.map((e) => [e.name, e.unpacked])).toEqual([
      ['a.txt', 5],
      ['b.bin', 100_000],
    ]);
    expect((await zip.read(zip.entries[0]!)).toString()).toBe('alpha');
    expect(await zip.read(zip.entries[1]!)).toEqual(Buffer.alloc(100_000, 7));
    expect(openOn(file)).toBe(1);
    await zip.close();
    // The file can be removed or replaced right away, as Windows requires.
    expect(openOn(file)).toBe(0);
  });
});

describe('the directory limit', () => {
  // 12,000 entries with 1,400-byte names: a directory of about 17 MiB, past the default 16 MiB.
  const many = () =>
    writeZip(
      Array.from({ length: 12_000 }, (_, i) => ({
        name: `evidence/blobs/${String(i).padStart(6, '0')}-${'x'.repeat(1_380)}`,
        content: Buffer.alloc(0),
        stored: true,
      })),
    );

  it('refuses a directory past 16 MiB by default, and reads it when the caller allows more', async () => {
    const file = join(dir, 'many.zip');
    writeFileSync(file, many());
    await expect(openZipFile(file, { unpackedBytes: 1, entries: 20_000 })).rejects.toMatchObject({
      problem: 'too_large',
    });
    const zip = await openZipFile(file, { unpackedBytes: 1, entries: 20_000, directoryBytes: 64 * 1024 * 1024 });
    expect(zip.entries).toHaveLength(12_000);
    await zip.close();
  });
});
