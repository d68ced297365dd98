import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { seedDemo } from '#core/demo/seed';
import { UploadSessions } from '#core/bytes/uploads';
import { DocumentChecks } from '#core/export/document-checks';
import type { ReportIssue } from '#shared/domain/report';
import { tempBackend, value } from '../../helpers/backend';
import { sampleDocx } from './fixtures';
import { strangerSignedDocx } from './stranger';

let t: ReturnType<typeof tempBackend>;
let issue: ReportIssue;
let issuedBytes: Buffer;

beforeAll(async () => {
  t = tempBackend();
  const { certified } = await seedDemo(t.backend, new Date('2026-05-04T10:00:00Z'));
  issue = value(await t.backend.call('reports.get', { auditId: certified.auditIds[0]! })).issues[0]!;
  const chunk = value(
    await t.backend.call('reports.readIssue', { issueId: issue.id, offset: 0, length: 4 * 1024 ** 2 }),
  );
  expect(chunk.eof).toBe(true);
  issuedBytes = Buffer.from(chunk.dataBase64, 'base64');
}, 120_000);
afterAll(() => t.cleanup());

/** Sends `bytes` in `pieces` ordered chunks, as the renderer does, and finishes. */
async function check(bytes: Buffer, pieces = 3) {
  const { checkId } = value(await t.backend.call('verify.begin', { name: 'copy.docx', size: bytes.length }));
  const step = Math.ceil(bytes.length / pieces);
  for (let offset = 0; offset < bytes.length; offset += step) {
    const dataBase64 = bytes.subarray(offset, offset + step).toString('base64');
    value(await t.backend.call('verify.chunk', { checkId, offset, dataBase64 }));
  }
  return { checkId, result: await t.backend.call('verify.finish', { checkId }) };
}

describe('checking a document someone hands over', () => {
  it('an issued report: valid, signed by the lead auditor, and recognised as version 1 of its audit', async () => {
    const { result } = await check(issuedBytes);
    expect(value(result)).toMatchObject({
      name: 'copy.docx',
      size: issuedBytes.length,
      sha256: issue.sha256,
      verification: {
        status: 'valid',
        problems: [],
        signer: { name: 'Amelia Hartmann' },
        trust: { kind: 'known_identity', matched: 'Amelia Hartmann' },
      },
      issued: {
        issueId: issue.id,
        clientName: 'Havelwerk Medical Supplies GmbH',
        auditType: 'stage2',
        kind: 'report',
        version: 1,
        reportNumber: issue.reportNumber,
        current: true,
      },
    });
  });

  it("a stranger's certificate with the lead auditor's name: intact, but the signer is unknown", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-stranger-'));
    try {
      const stranger = await strangerSignedDocx(dir);
      const r = value((await check(stranger.docx)).result);
      expect(r.verification).toMatchObject({
        status: 'valid',
        signer: { name: 'Amelia Hartmann', fingerprint: stranger.fingerprint },
        trust: { kind: 'unknown', matched: '' },
      });
      expect(r.issued).toBeNull();

      // Trusted after comparing the fingerprint: the same file now names whom it matched.
      const certificateBase64 = readFileSync(stranger.pemFile).toString('base64');
      const shown = value(await t.backend.call('trust.inspect', { certificateBase64 }));
      expect(shown).toMatchObject({
        commonName: 'Amelia Hartmann',
        fingerprint: stranger.fingerprint,
        knownAs: { kind: 'unknown' },
      });
      const trusted = value(
        await t.backend.call('trust.import', {
          certificateBase64,
          fingerprint: shown.fingerprint,
          name: 'Amelia (home)',
        }),
      );
      expect(value(await t.backend.call('trust.list', {})).map((c) => c.fingerprint)).toEqual([stranger.fingerprint]);
      expect(value((await check(stranger.docx)).result).verification.trust).toEqual({
        kind: 'trusted_certificate',
        matched: 'Amelia (home)',
      });
      value(await t.backend.call('trust.remove', { id: trusted.id }));
      expect(value((await check(stranger.docx)).result).verification.trust?.kind).toBe('unknown');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports.verify names the data folder identity that signed an issued version', async () => {
    expect(value(await t.backend.call('reports.verify', { issueId: issue.id }))).toMatchObject({
      status: 'valid',
      trust: { kind: 'known_identity', matched: 'Amelia Hartmann' },
    });
  });

  it('a copy changed in one paragraph: invalid, naming the part, and not any issued version', async () => {
    const zip = await JSZip.loadAsync(issuedBytes);
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('Havelwerk', 'Havelwerx'));
    const changed = await zip.generateAsync({ type: 'nodebuffer' });
    const r = value((await check(changed)).result);
    expect(r.verification.status).toBe('invalid');
    expect(r.verification.problems.join(' ')).toContain('word/document.xml');
    expect(r.issued).toBeNull();
  });

  it('an unsigned document says so; a file that is not a DOCX is refused with a clear message', async () => {
    expect(value((await check(await sampleDocx(), 1)).result).verification.status).toBe('unsigned');
    const { checkId, result } = await check(Buffer.from('%PDF-1.7 not a Word file'), 1);
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'This file is not a Word document (DOCX).' },
    });
    // Finished either way: the check and its bytes are gone.
    expect(await t.backend.call('verify.finish', { checkId })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('refuses to finish before every byte arrived', async () => {
    const { checkId } = value(await t.backend.call('verify.begin', { name: 'part.docx', size: issuedBytes.length }));
    const half = issuedBytes.subarray(0, 1000).toString('base64');
    value(await t.backend.call('verify.chunk', { checkId, offset: 0, dataBase64: half }));
    expect(await t.backend.call('verify.finish', { checkId })).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: `The upload is incomplete: 1000 of ${issuedBytes.length} bytes arrived. Send the rest first.`,
      },
    });
  });

  it('drops a check nobody sent a chunk to for ten minutes; each chunk starts the ten minutes again', async () => {
    vi.useFakeTimers();
    try {
      const checks = new DocumentChecks(new UploadSessions());
      const { checkId } = checks.begin({ name: 'idle.docx', size: 10 });
      vi.advanceTimersByTime(9 * 60_000);
      expect(await checks.chunk({ checkId, offset: 0, dataBase64: 'MTIz' })).toEqual({ received: 3 });
      vi.advanceTimersByTime(9 * 60_000);
      expect(await checks.chunk({ checkId, offset: 3, dataBase64: 'NDU2' })).toEqual({ received: 6 });
      vi.advanceTimersByTime(10 * 60_000);
      await expect(checks.chunk({ checkId, offset: 6, dataBase64: 'Nzg5' })).rejects.toThrow(
        'This upload no longer exists (it was finished, cancelled or timed out); start again.',
      );
      await expect(checks.abort({ checkId })).rejects.toThrow(
        'This check no longer exists (it was finished, cancelled or timed out); start again.',
      );
    } finally {
      vi.useRealTimers();
    }
  });
});
