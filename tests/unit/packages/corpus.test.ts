import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '#shared/api/result';
import { unzipWork } from '#core/files/unzip';
import { readPackage } from '#core/packages/read';
import { dumpDatabase, tempBackend } from '../../helpers/backend';
import { makeCorpus } from './make-corpus';
import { honestParts, signed } from './zip-parts';
import { identity, listing } from './helpers';
import { writeFileSync } from 'node:fs';

const NOW = Date.parse('2026-06-01T10:00:00Z');
const t = tempBackend();
const dir = mkdtempSync(join(tmpdir(), 'fieldwork-corpus-'));
afterAll(() => {
  t.cleanup();
  rmSync(dir, { recursive: true, force: true });
});
const signer = await identity(t.backend, 'Ava Auditor', 'ecdsa-p256');
const other = await identity(t.backend, 'Mallory Other', 'ecdsa-p256');
const cases = makeCorpus(dir, signer, other, NOW);

describe('hostile team packages are refused with a specific message, writing nothing', () => {
  it('the corpus has at least 25 files, and the sound package its builder makes reads fine', async () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const file = join(dir, 'sound.fwpkg');
    writeFileSync(file, signed(honestParts(NOW), signer));
    const read = await readPackage(file, undefined, NOW);
    expect(read.changes).toHaveLength(2);
    expect(read.signer.name).toBe('Ava Auditor');
    rmSync(file);
  });

  it.each(cases)(
    '$file',
    async ({ file, code, message }) => {
      const before = [listing(dir), listing(t.dataDir), dumpDatabase(t.backend.context.db)];
      const inflatedBefore = unzipWork.inflatedBytes;
      const outcome = await readPackage(join(dir, file), undefined, NOW).then(
        () => null,
        (e: unknown) => e,
      );
      expect(outcome).toBeInstanceOf(DomainError);
      expect({ code: (outcome as DomainError).code, message: (outcome as DomainError).message }).toEqual({
        code,
        message,
      });
      // Bombs are stopped after about what they declare (one 64 KiB inflate step past it), not 200 MiB.
      expect(unzipWork.inflatedBytes - inflatedBefore).toBeLessThan(1024 * 1024);
      expect([listing(dir), listing(t.dataDir), dumpDatabase(t.backend.context.db)]).toEqual(before);
    },
    60_000,
  );
});
