import { createHash } from 'node:crypto';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportStartInput } from '#shared/domain/report';
import { dumpDatabase, sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { finishExport } from '../../helpers/export-jobs';

/** A clock the test moves: the backend stamps rows and judges certificate expiry with it. */
let offsetDays = 0;
const now = () => new Date(Date.now() + offsetDays * 86_400_000).toISOString();

const files = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile())
    : [];

async function readAll(read: (offset: number) => Promise<{ dataBase64: string; eof: boolean }>) {
  const parts: Buffer[] = [];
  for (let offset = 0; ;) {
    const part = await read(offset);
    const bytes = Buffer.from(part.dataBase64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (part.eof) return Buffer.concat(parts);
  }
}

describe('export jobs', { timeout: 180_000 }, () => {
  let t: ReturnType<typeof tempBackend>;
  let auditId: string;
  let findingId: string;
  let leadIdentity: string;
  let otherIdentity: string;
  const passphrase = 'correct horse battery';

  beforeAll(async () => {
    t = tempBackend({ now });
    const b = t.backend;
    value(
      await b.call('branding.update', { name: 'Example Certification Ltd', reportNumberPattern: 'EC-{year}-{seq}' }),
    );
    const client = value(await b.call('clients.create', sampleClient()));
    const audit = value(await b.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id])));
    auditId = audit.id;
    value(await b.call('audits.setStatus', { id: auditId, status: 'in_progress' }));
    const item = value(await b.call('checklist.get', { auditId })).items.find((i) => i.ref === '8.2')!;
    value(await b.call('checklist.updateItem', { id: item.id, patch: { result: 'minor_nc' }, by: 'Lena Lead' }));
    const draft = value(await b.call('findings.fromItem', { itemId: item.id, by: 'Lena Lead' }));
    value(
      await b.call('findings.update', {
        id: draft.id,
        by: 'Lena Lead',
        patch: {
          statement: 'The internal audit programme skipped the data centre.',
          evidenceText: 'Programme 2026 v1.',
        },
      }),
    );
    findingId = value(await b.call('findings.issue', { id: draft.id, by: 'Lena Lead' })).id;
    const create = async (name: string, validityDays = 365) =>
      value(
        await b.call('signing.create', {
          name,
          validityDays,
          keyAlgorithm: 'ecdsa-p256',
          protection: { kind: 'passphrase', passphrase },
        }),
      ).id;
    leadIdentity = await create('Lena Lead');
    otherIdentity = await create('Arno Auditor');
  }, 60_000);
  afterAll(() => t.cleanup());

  const start = (input: Omit<ExportStartInput, 'auditId'>) => t.backend.call('exports.start', { auditId, ...input });
  const issue = (over: Record<string, unknown> = {}) => ({
    identityId: leadIdentity,
    unlock: { kind: 'passphrase' as const, passphrase },
    by: 'Lena Lead',
    // The audit has one finding and an unaudited checklist: issuing needs a reason (the gates' own test: issue-gates).
    overrideReason: 'Test set-up: issued with the checklist incomplete',
    ...over,
  });

  it('builds a draft report in a worker, readable in chunks, leaving nothing issued', async () => {
    const job = await finishExport(t.backend, value(await start({ kind: 'report' })));
    expect(job).toMatchObject({ state: 'done', progress: 1, issueId: null, error: null });
    expect(job.fileName).toMatch(/^DRAFT Acme Ltd Stage 2 Audit report\.docx$/);
    const bytes = await readAll(async (offset) =>
      value(await t.backend.call('exports.read', { jobId: job.id, offset, length: 64 * 1024 })),
    );
    expect(bytes.length).toBe(job.size);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(job.sha256);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files)).toContain('word/document.xml');
    expect(Object.keys(zip.files).some((n) => n.startsWith('_xmlsignatures/'))).toBe(false);
    expect(value(await t.backend.call('reports.get', { auditId })).issues).toEqual([]);
  });

  it('cancelling stops the worker and leaves no file behind; an export beside it finishes', async () => {
    const job = value(await start({ kind: 'report' }));
    const beside = value(await start({ kind: 'report' }));
    const cancelled = value(await t.backend.call('exports.cancel', { jobId: job.id }));
    expect(cancelled).toMatchObject({ state: 'cancelled', error: { code: 'cancelled' } });
    // The same work started later: had the cancelled worker gone on, its file would be there by now.
    expect(await finishExport(t.backend, beside)).toMatchObject({ state: 'done' });
    expect(value(await t.backend.call('exports.status', { jobId: job.id })).state).toBe('cancelled');
    expect(files(join(t.dataDir, 'exports')).filter((f) => f.includes(job.id))).toEqual([]);
    const read = await t.backend.call('exports.read', { jobId: job.id, offset: 0, length: 10 });
    expect(!read.ok && read.error.message).toBe('The export produced no file.');
  });

  it('issuing freezes a signed version; a change makes the next version and keeps the old one', async () => {
    const first = await finishExport(t.backend, value(await start({ kind: 'report', issue: issue() })));
    expect(first.state).toBe('done');
    let state = value(await t.backend.call('reports.get', { auditId }));
    expect(state.issues).toHaveLength(1);
    const v1 = state.issues[0]!;
    expect(v1).toMatchObject({
      version: 1,
      kind: 'report',
      current: true,
      signerName: 'Lena Lead',
      sha256: first.sha256,
    });
    expect(v1.reportNumber).toMatch(new RegExp(`^EC-${now().slice(0, 4)}-001$`));
    expect(state.changedSinceIssue).toEqual({ report: false, nc_list: null });
    expect(value(await t.backend.call('reports.verify', { issueId: v1.id }))).toMatchObject({
      status: 'valid',
      problems: [],
    });

    value(
      await t.backend.call('findings.update', {
        id: findingId,
        by: 'Lena Lead',
        patch: { statement: 'The internal audit programme skipped the data centre in Bremen.' },
      }),
    );
    expect(value(await t.backend.call('reports.get', { auditId })).changedSinceIssue.report).toBe(true);
    const second = await finishExport(t.backend, value(await start({ kind: 'report', issue: issue() })));
    expect(second.state).toBe('done');
    state = value(await t.backend.call('reports.get', { auditId }));
    const byVersion = Object.fromEntries(state.issues.map((i) => [i.version, i]));
    expect(byVersion[2]).toMatchObject({ current: true, reportNumber: v1.reportNumber });
    expect(byVersion[1]).toMatchObject({ current: false, sha256: v1.sha256 });
    const old = await readAll(async (offset) =>
      value(await t.backend.call('reports.readIssue', { issueId: v1.id, offset, length: 1024 * 1024 })),
    );
    expect(createHash('sha256').update(old).digest('hex')).toBe(v1.sha256);

    // A draft made after the first issue carries the audit's report number (and is still marked a draft).
    const draft = await finishExport(t.backend, value(await start({ kind: 'nc_list' })));
    const draftBytes = await readAll(async (offset) =>
      value(await t.backend.call('exports.read', { jobId: draft.id, offset, length: 1024 * 1024 })),
    );
    const zip = await JSZip.loadAsync(draftBytes);
    const headers = Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n));
    const headerText = (await Promise.all(headers.map((n) => zip.file(n)!.async('string')))).join('');
    expect(headerText).toContain(`Report ${v1.reportNumber}`);
    expect(draft.fileName).toMatch(/^DRAFT /);

    // The record is append-only in the database itself.
    expect(() => t.backend.db.prepare('UPDATE report_issues SET issued_by = ?').run('someone')).toThrow(
      /cannot be changed/,
    );
    expect(() => t.backend.db.prepare('DELETE FROM report_issues').run()).toThrow(/cannot be deleted/);
  });

  it('refuses a wrong passphrase, another person’s identity and impossible formats, changing nothing', async () => {
    const before = dumpDatabase(t.backend.db);
    const cases: [Omit<ExportStartInput, 'auditId'>, string, RegExp][] = [
      [
        { kind: 'report', issue: issue({ unlock: { kind: 'passphrase', passphrase: 'wrong one' } }) },
        'wrong_passphrase',
        /passphrase is wrong/,
      ],
      [
        { kind: 'report', issue: issue({ identityId: otherIdentity }) },
        'forbidden',
        /Only the audit's lead auditor, Lena Lead/,
      ],
      [{ kind: 'nc_list', format: 'xlsx', issue: issue() }, 'invalid_input', /Only DOCX files can be signed/],
      [{ kind: 'report', format: 'csv' }, 'invalid_input', /written as DOCX only/],
      [{ kind: 'report', issue: issue({ unlock: { kind: 'os_keychain' } }) }, 'unsupported', /desktop app/],
    ];
    for (const [input, code, message] of cases) {
      const r = await start(input);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code).toBe(code);
        expect(r.error.message).toMatch(message);
      }
    }
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });

  it('warns about an expired certificate and signs only when confirmed', async () => {
    const shortLived = value(
      await t.backend.call('signing.create', {
        name: 'Lena Lead',
        validityDays: 1,
        keyAlgorithm: 'ecdsa-p256',
        protection: { kind: 'passphrase', passphrase },
      }),
    );
    offsetDays = 3;
    try {
      const before = dumpDatabase(t.backend.db);
      const refused = await start({ kind: 'nc_list', issue: issue({ identityId: shortLived.id }) });
      expect(!refused.ok && refused.error.code).toBe('certificate_expired');
      expect(!refused.ok && refused.error.message).toMatch(/expired on .* Confirm to sign anyway/);
      expect(dumpDatabase(t.backend.db)).toEqual(before);
      const job = await finishExport(
        t.backend,
        value(await start({ kind: 'nc_list', issue: issue({ identityId: shortLived.id, acceptExpired: true }) })),
      );
      expect(job.state).toBe('done');
      const issued = value(await t.backend.call('reports.get', { auditId })).issues.find((i) => i.kind === 'nc_list')!;
      expect(issued).toMatchObject({ version: 1, current: true });
    } finally {
      offsetDays = 0;
    }
  });

  it('a photo whose file is missing from the store is reported, not fatal', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#88aa66' } })
      .jpeg()
      .toBuffer();
    const { uploadId } = value(
      await t.backend.call('evidence.uploadBegin', { auditId, name: 'gone.jpg', size: jpeg.length }),
    );
    value(await t.backend.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: jpeg.toString('base64') }));
    const photo = value(
      await t.backend.call('evidence.uploadCommit', {
        uploadId,
        description: 'Badge reader',
        links: [{ type: 'finding', id: findingId }],
      }),
    );
    rmSync(t.backend.evidence.store.blobPath(photo.evidence.sha256));
    const job = await finishExport(t.backend, value(await start({ kind: 'report' })));
    expect(job.state).toBe('done');
    expect(job.warnings).toEqual([expect.stringMatching(/gone\.jpg.*E-[0-9a-f]{8}/)]);
  });

  it('a failing export leaves no partial file and issues nothing', async () => {
    // A worker that writes half a file, then fails: what a crash in the builder looks like to the job runner.
    const failing = tempBackend({
      exportWorkerUrl: new URL('../../helpers/failing-export-worker.mjs', import.meta.url),
    });
    try {
      const client = value(await failing.backend.call('clients.create', sampleClient()));
      const audit = value(await failing.backend.call('audits.create', sampleAudit(client.id)));
      const job = await finishExport(
        failing.backend,
        value(await failing.backend.call('exports.start', { auditId: audit.id, kind: 'report' })),
      );
      expect(job).toMatchObject({ state: 'failed', size: null, issueId: null });
      expect(job.error?.message).toBe('The export failed unexpectedly; no file was produced and nothing was issued.');
      expect(files(join(failing.dataDir, 'exports'))).toEqual([]);
    } finally {
      failing.cleanup();
    }
  });
});
