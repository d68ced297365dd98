import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectReportModel } from '#core/export/report/collect';
import { contentHash } from '#core/export/content-hash';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';
import { allText, readDocx, type DocxReading } from '../../helpers/docx';
import { finishExport } from '../../helpers/export-jobs';

let t: ReturnType<typeof tempBackend>;
let out: string;
let auditId: string;

/** A draft report through the built export worker, read back by python-docx. */
async function draft(name: string): Promise<DocxReading> {
  const job = await finishExport(t.backend, value(await t.backend.call('exports.start', { auditId, kind: 'report' })));
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

const model = () =>
  t.backend.db.transaction(() =>
    collectReportModel(t.backend.context, auditId, { reportNumber: '', version: 0, signOff: null }),
  )();

beforeAll(async () => {
  t = tempBackend();
  out = mkdtempSync(join(tmpdir(), 'fieldwork-meetings-report-'));
  const client = value(await t.backend.call('clients.create', sampleClient()));
  auditId = value(await t.backend.call('audits.create', sampleAudit(client.id))).id;
}, 60_000);

afterAll(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('meetings in the report', { timeout: 180_000 }, () => {
  it('none recorded: no section, and no key in the model (earlier content hashes unchanged)', async () => {
    expect(Object.keys(model())).not.toContain('meetings');
    const doc = await draft('none.docx');
    expect(doc.headings.map((h) => h.text)).not.toContain('Opening and closing meetings');
  });

  it('prints both meetings: attendees, what was confirmed, the findings presented and who acknowledged them', async () => {
    const attendees = [
      { name: 'Lena Lead', role: 'Lead auditor', organisation: 'Example Certification Ltd' },
      { name: 'Sam Contact', role: 'CISO', organisation: 'Acme Ltd' },
    ];
    value(
      await t.backend.call('meetings.save', {
        auditId,
        kind: 'opening',
        heldOn: '2026-03-02',
        attendees,
        confirmed: { plan: true, confidentiality: true, reporting: false, appeals: true },
      }),
    );
    const before = contentHash(model());
    // Saved again unchanged: its stamps move, the report's content does not.
    value(
      await t.backend.call('meetings.save', {
        auditId,
        kind: 'opening',
        heldOn: '2026-03-02',
        attendees: value(await t.backend.call('meetings.get', { auditId })).opening!.attendees,
        confirmed: { plan: true, confidentiality: true, reporting: false, appeals: true },
        by: 'Someone else',
      }),
    );
    expect(contentHash(model())).toBe(before);
    value(
      await t.backend.call('meetings.save', {
        auditId,
        kind: 'closing',
        heldOn: '2026-03-04',
        attendees: [attendees[1]!],
        confirmed: { plan: false, confidentiality: false, reporting: true, appeals: true },
        findingsPresented: 'One minor nonconformity against A.5.18.',
        acknowledgement: 'Findings understood; action plan within 30 days.',
        acknowledgedBy: 'Sam Contact',
      }),
    );

    const doc = await draft('both.docx');
    const headings = doc.headings.map((h) => h.text);
    const at = headings.indexOf('Opening and closing meetings');
    expect(at).toBeGreaterThan(-1);
    expect(headings.slice(at, at + 3)).toEqual([
      'Opening and closing meetings',
      'Opening meeting, held on 2026-03-02',
      'Closing meeting, held on 2026-03-04',
    ]);
    const text = allText(doc);
    expect(text).toContain('Audit plan confirmed; Confidentiality explained; Complaints and appeals process explained');
    expect(text).toContain('Reporting of findings and the report explained; Complaints and appeals process explained');
    expect(text).toContain('One minor nonconformity against A.5.18.');
    expect(text).toContain('Acknowledged by Sam Contact');
    expect(text).toContain('Findings understood; action plan within 30 days.');
    const attendeeTables = doc.tables.filter((x) => x.rows[0]!.join('|') === 'Attendee|Role|Organisation');
    expect(attendeeTables.map((x) => x.rows.slice(1))).toEqual([
      [
        ['Lena Lead', 'Lead auditor', 'Example Certification Ltd'],
        ['Sam Contact', 'CISO', 'Acme Ltd'],
      ],
      [['Sam Contact', 'CISO', 'Acme Ltd']],
    ]);
  });
});
