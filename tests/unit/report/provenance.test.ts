import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectReportModel } from '#core/export/report/collect';
import { readDocx, type DocxReading } from '../../helpers/docx';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { finishExport } from '../../helpers/export-jobs';
import { exportPackage, importPackage, laptop, leadAudit, type Laptop } from '../team/helpers';

/**
 * The issued report's sign-off page names the team returns merged into the
 * audit. What is tested is the report's reading of migration 10's tables, so
 * the exchanges and decisions are written with SQL, as a merge would leave them.
 */

const passphrase = 'provenance passphrase';
const sha = (s: string) => createHash('sha256').update(s).digest('hex');
// UUID v7 device ids of laptops set up the same day share their first digits (the time); they differ at the end.
const ARNO = {
  package: 'pkg-arno',
  device: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b',
  sha: sha('arno'),
  at: '2027-02-09T16:05:00.000Z',
};
const BERIT = {
  package: 'pkg-berit',
  device: '0193a1b2-c3d4-7e5f-8a9b-aabbccddeeff',
  sha: sha('berit'),
  at: '2027-02-10T08:30:00.000Z',
};
/** Rows that are not merged returns: packages this folder sent (a send, a return) and a 'send' it received. */
const SENT = sha('sent out');
const SENT_RETURN = sha('returned from here');
const RECEIVED_SEND = sha('a send received');

let t: ReturnType<typeof tempBackend>;
let out: string;
let auditId: string;
let otherAuditId: string;
let identityId: string;

/** Issues (signs) the report, or with `draft` only builds it, and reads the DOCX back. */
async function issueAndRead(name: string, draft = false): Promise<DocxReading> {
  const issue = {
    identityId,
    unlock: { kind: 'passphrase' as const, passphrase },
    by: 'Lena Lead',
    overrideReason: 'Test set-up: issued with the checklist incomplete',
  };
  const job = await finishExport(
    t.backend,
    value(await t.backend.call('exports.start', { auditId, kind: 'report', ...(draft ? {} : { issue }) })),
  );
  expect(job.state, job.error?.message).toBe('done');
  const parts: Buffer[] = [];
  for (let offset = 0; ;) {
    const part = value(await t.backend.call('exports.read', { jobId: job.id, offset, length: 1024 * 1024 }));
    const bytes = Buffer.from(part.dataBase64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (part.eof) break;
  }
  const file = join(out, name);
  writeFileSync(file, Buffer.concat(parts));
  return readDocx(file);
}

/** Headings after the last level-1 heading: the sign-off page's. */
const signOffHeadings = (doc: DocxReading) => {
  const last = doc.headings.map((h) => h.level).lastIndexOf(1);
  expect(doc.headings[last]!.text).toBe('Sign-off');
  return doc.headings.slice(last + 1).map((h) => h.text);
};

const exchange = (row: {
  package: string;
  direction: 'sent' | 'received';
  kind: 'send' | 'return';
  peer: string;
  device: string;
  sha: string;
  at: string;
}) =>
  t.backend.db
    .prepare(
      `INSERT INTO team_exchanges (package_id, audit_id, direction, kind, peer_name, device_id, signer_name,
         signer_fingerprint, sha256, size, at, version_vector, added, changed, conflicts)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1000, ?, '{}', 1, 2, 1)`,
    )
    .run(row.package, auditId, row.direction, row.kind, row.peer, row.device, row.peer, 'AB:CD', row.sha, row.at);

const resolution = (audit: string, rowId: string) =>
  t.backend.db
    .prepare(
      `INSERT INTO conflict_resolutions (audit_id, table_name, row_id, field, clock, resolved_by, resolved_at)
       VALUES (?, 'checklist_items', ?, 'notes', '1801234567890-000000-dev', 'Lena Lead', '2027-02-10T09:00:00.000Z')`,
    )
    .run(audit, rowId);

beforeAll(async () => {
  t = tempBackend();
  out = mkdtempSync(join(tmpdir(), 'fieldwork-provenance-'));
  const b = t.backend;
  value(await b.call('branding.update', { name: 'Example Certification Ltd', reportNumberPattern: 'EC-{year}-{seq}' }));
  const client = value(await b.call('clients.create', sampleClient()));
  auditId = value(await b.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id]))).id;
  otherAuditId = value(await b.call('audits.create', sampleAudit(client.id))).id;
  value(await b.call('audits.setStatus', { id: auditId, status: 'in_progress' }));
  identityId = value(
    await b.call('signing.create', {
      name: 'Lena Lead',
      validityDays: 365,
      keyAlgorithm: 'ecdsa-p256',
      protection: { kind: 'passphrase', passphrase },
    }),
  ).id;
}, 60_000);

afterAll(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('provenance on the sign-off page', { timeout: 180_000 }, () => {
  it('a solo audit: nothing about a team', async () => {
    // Not even an empty key: reports issued before team audits existed keep their content hash.
    const model = t.backend.db.transaction(() =>
      collectReportModel(t.backend.context, auditId, { reportNumber: '', version: 0, signOff: null }),
    )();
    expect(Object.keys(model)).not.toContain('provenance');
    const doc = await issueAndRead('solo.docx');
    expect(signOffHeadings(doc)).toEqual([]);
    const text = JSON.stringify(doc);
    expect(text).not.toContain('Package SHA-256');
    expect(text).not.toContain('No conflicting changes needed a decision.');
  });

  it('lists each merged return (auditor, device, full SHA-256, when) and the conflicts resolved', async () => {
    // Inserted newest first: the report orders by when they were merged.
    exchange({ ...BERIT, direction: 'received', kind: 'return', peer: 'Berit Auditor' });
    exchange({ ...ARNO, direction: 'received', kind: 'return', peer: 'Arno Auditor' });
    exchange({
      package: 'pkg-out',
      direction: 'sent',
      kind: 'send',
      peer: 'Arno Auditor',
      device: 'x',
      sha: SENT,
      at: ARNO.at,
    });
    exchange({
      package: 'pkg-returned',
      direction: 'sent',
      kind: 'return',
      peer: 'Lena Lead',
      device: 'z',
      sha: SENT_RETURN,
      at: ARNO.at,
    });
    exchange({
      package: 'pkg-in-send',
      direction: 'received',
      kind: 'send',
      peer: 'Someone Else',
      device: 'y',
      sha: RECEIVED_SEND,
      at: ARNO.at,
    });
    for (const row of ['r1', 'r2', 'r3']) resolution(auditId, row);
    resolution(otherAuditId, 'r4');
    // The merge changed what the report says, so the issued version is out of date.
    expect(value(await t.backend.call('reports.get', { auditId })).changedSinceIssue.report).toBe(true);

    const doc = await issueAndRead('team.docx');
    expect(signOffHeadings(doc)).toEqual(['Work merged from the audit team']);
    // The sign-off facts come first, then one table per package, oldest first.
    const tables = doc.tables
      .slice(-3)
      .map((tb): Record<string, string> => Object.fromEntries(tb.rows.map((r): [string, string] => [r[0]!, r[1]!])));
    expect(tables[0]!['Lead auditor']).toBe('Lena Lead');
    expect(tables.slice(1)).toEqual([
      {
        Auditor: 'Arno Auditor',
        Device: '2e3f4a5b',
        'Package SHA-256': ARNO.sha,
        'Merged on': '9 February 2027 at 16:05 UTC',
      },
      {
        Auditor: 'Berit Auditor',
        Device: 'ccddeeff',
        'Package SHA-256': BERIT.sha,
        'Merged on': '10 February 2027 at 08:30 UTC',
      },
    ]);
    const paragraphs = doc.paragraphs.map((p) => p.text);
    expect(paragraphs).toContain(
      'Team members worked on their own copies of this audit and returned their work as signed packages. These returns were merged into this report; the SHA-256 identifies each package file exactly.',
    );
    expect(paragraphs.at(-1)).toBe("3 conflicts between team members' changes were resolved.");
    const text = JSON.stringify(doc);
    expect(text).not.toContain(SENT);
    expect(text).not.toContain(SENT_RETURN);
    expect(text).not.toContain(RECEIVED_SEND);
  });

  it('a conflict decided after issuing makes the issued report out of date', async () => {
    expect(value(await t.backend.call('reports.get', { auditId })).changedSinceIssue.report).toBe(false);
    resolution(auditId, 'r5');
    expect(value(await t.backend.call('reports.get', { auditId })).changedSinceIssue.report).toBe(true);
  });

  it('a draft shows the same list under its not-issued notice, for the lead to check before signing', async () => {
    const doc = await issueAndRead('draft.docx', true);
    expect(signOffHeadings(doc)).toEqual(['Work merged from the audit team']);
    const paragraphs = doc.paragraphs.map((p) => p.text);
    expect(paragraphs).toContain('Not issued — draft. This document is not signed and is not a valid audit report.');
    expect(paragraphs.at(-1)).toBe("4 conflicts between team members' changes were resolved.");
    expect(doc.tables.at(-1)!.rows).toContainEqual(['Package SHA-256', BERIT.sha]);
  });
});

describe('provenance after a real merge', { timeout: 180_000 }, () => {
  let dir: string;
  let lead: Laptop;
  let arno: Laptop;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fieldwork-provenance-team-'));
    lead = await laptop('Lena Lead');
    arno = await laptop('Arno Auditor');
  }, 60_000);
  afterAll(() => {
    lead.t.cleanup();
    arno.t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it('names the return package merged (the file’s SHA-256, its sender and device) and the conflict decided', async () => {
    const { audit, items } = await leadAudit(lead);
    const item = items[0]!;
    const sent = await exportPackage(lead, audit.id, dir);
    value(await importPackage(arno, sent.bytes, lead.fingerprint));
    for (const [who, notes] of [
      [lead, 'Lena saw the policy'],
      [arno, 'Arno saw version 3'],
    ] as const) {
      value(await who.t.backend.call('checklist.updateItem', { id: item.id, patch: { notes }, by: who.name }));
    }
    const returned = await exportPackage(arno, audit.id, dir);
    value(await importPackage(lead, returned.bytes, arno.fingerprint));
    const b = lead.t.backend;
    const model = () =>
      b.db.transaction(() =>
        collectReportModel(b.context, audit.id, { reportNumber: '', version: 0, signOff: null }),
      )();
    const merged = {
      auditor: 'Arno Auditor',
      device: arno.t.backend.deviceId,
      sha256: createHash('sha256').update(returned.bytes).digest('hex'),
    };
    // The lead's own send is not listed: only what was merged in.
    expect(model().provenance).toEqual({
      packages: [{ ...merged, at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown }],
      conflictsResolved: 0,
    });
    value(
      await b.call('conflicts.resolve', {
        auditId: audit.id,
        table: 'checklist_items',
        rowId: item.id,
        field: 'notes',
        choice: { kind: 'value', value: 'Arno saw version 3' },
        by: 'Lena Lead',
      }),
    );
    expect(model().provenance?.conflictsResolved).toBe(1);
  });
});
