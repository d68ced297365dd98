import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UPLOAD_CHUNK_BYTES } from '#shared/domain/evidence';
import type { ChecklistItem } from '#shared/domain/checklist';
import { writeReportDocx } from '#core/export/report/build';
import { soaExclusions } from '#core/export/report/collect-records';
import type { ReportModel } from '#core/export/report/model';
import { digestLines } from '#core/export/report/sections-evidence';
import { reportStrings, stringsForAudit } from '#core/export/report/strings';
import { STRINGS_EN } from '#core/export/report/strings-en';
import { allText, readDocx } from '../../helpers/docx';
import { value } from '../../helpers/backend';
import { reportWorld, SIGN_OFF, type ReportWorld } from './world';

describe('report wording rules (pure)', () => {
  it('words a gap analysis as a pre-assessment and leaves every other audit type as it is', () => {
    const s = reportStrings('en');
    for (const type of ['stage1', 'stage2', 'surveillance1', 'surveillance2', 'recertification', 'special'] as const)
      expect(stringsForAudit(s, type)).toBe(s);
    const g = stringsForAudit(s, 'gap_analysis');
    expect(g.cover.title).toBe('Pre-assessment report (gap analysis)');
    expect(g.labels.findingType).toEqual({
      major: 'Major gap',
      minor: 'Minor gap',
      ofi: 'Opportunity for improvement',
      positive: 'Good practice',
    });
    expect(g.labels.result.major_nc).toBe('Major gap');
    expect(g.labels.result.conforming).toBe(s.labels.result.conforming);
    expect(g.findings.heading).toBe('Gaps found');
    expect(g.findings.title).toBe(s.findings.title);
    // The English words are not changed in place.
    expect(STRINGS_EN.cover.title).toBe('Audit report');
  });

  it('names clause groups "Clause 4 …" and Annex A themes "A.5 …", never a bare number', () => {
    const r = STRINGS_EN.results;
    expect(r.groupTitle('4', 'Context of the organization', 'clause')).toBe('Clause 4 Context of the organization');
    expect(r.groupTitle('A.5', 'Organizational controls', 'theme')).toBe('A.5 Organizational controls');
    expect(r.groupTitle('docs', 'Documented information', 'topic')).toBe('Documented information');
  });

  it('prints a digest whole, in two rows of 32 digits', () => {
    const d = createHash('sha256').update('x').digest('hex');
    const lines = digestLines(d).split('\n');
    expect(lines.map((l) => l.length)).toEqual([32, 32]);
    expect(lines.join('')).toBe(d);
  });

  it("lists only the controls the SoA excludes, in checklist order, with the SoA's justification", () => {
    const item = (number: string, kind: string, soa: ChecklistItem['soa']) =>
      ({ kind, number, title: `Title ${number}`, soa }) as ChecklistItem;
    const items = [
      item('5.1', 'control', { applicable: true, justification: 'Needed', status: 'Implemented' }),
      item('A.8.25', 'control', { applicable: false, justification: ' No development. ', status: '' }),
      item('6.1', 'clause', null),
      item('8.30', 'control', { applicable: false, justification: '', status: '' }),
      item('8.31', 'control', null),
    ];
    expect(soaExclusions(items)).toEqual([
      { number: 'A.8.25', title: 'Title A.8.25', justification: 'No development.' },
      { number: 'A.8.30', title: 'Title 8.30', justification: '' },
    ]);
  });

  it('says "1 interview was recorded" and "2 interviews … were": the verb agrees with the whole list', () => {
    const r = STRINGS_EN.approach.recorded;
    expect(r(1, 0)).toBe('1 interview was recorded.');
    expect(r(2, 0)).toBe('2 interviews were recorded.');
    expect(r(0, 1)).toBe('1 on-site observation was recorded.');
    expect(r(1, 1)).toBe('1 interview and 1 on-site observation were recorded.');
    expect(STRINGS_EN.evidence.size(1)).toBe('1 byte');
    expect(STRINGS_EN.evidence.size(2)).toBe('2 bytes');
  });
});

describe('evidence files and gate decisions in the report model and document', { timeout: 120_000 }, () => {
  let w: ReportWorld;
  let out: string;
  let model: ReportModel;
  /** Verification evidence of the finding carried in from the Stage 2, gathered in the surveillance audit. */
  const proof = Buffer.from('Owners list, all twelve actions assigned.\n');

  beforeAll(async () => {
    w = await reportWorld();
    out = mkdtempSync(join(tmpdir(), 'fieldwork-report-rules-'));
    const { uploadId } = value(
      await w.backend.call('evidence.uploadBegin', { auditId: w.auditId, name: 'owners.txt', size: proof.length }),
    );
    expect(proof.length).toBeLessThan(UPLOAD_CHUNK_BYTES);
    value(await w.backend.call('evidence.uploadChunk', { uploadId, offset: 0, dataBase64: proof.toString('base64') }));
    value(
      await w.backend.call('evidence.uploadCommit', {
        uploadId,
        links: [{ type: 'finding_verification', id: w.findings.carried.id }],
      }),
    );
    // Closing with gaps open is a decision too, but it comes after the report: the report never prints it.
    value(await w.backend.call('audits.setStatus', { id: w.auditId, status: 'reporting' }));
    value(
      await w.backend.call('audits.setStatus', {
        id: w.auditId,
        status: 'closed',
        reason: 'Closed for the test',
        by: 'Lena Lead',
      }),
    );
    model = w.collect(SIGN_OFF);
  }, 120_000);

  afterAll(() => {
    w.cleanup();
    rmSync(out, { recursive: true, force: true });
  });

  it("lists each file with its full SHA-256; an earlier audit's finding is named with its audit's prefix", async () => {
    const files = model.evidence ?? [];
    const pdf = files.find((f) => f.name === 'access-review.pdf')!;
    expect(pdf.sha256).toBe(createHash('sha256').update('%PDF-1.4\n%%EOF\n').digest('hex'));
    expect(pdf.supports).toEqual([{ kind: 'finding', name: 'NC-01' }]);
    const owners = files.find((f) => f.name === 'owners.txt')!;
    expect(owners.sha256).toBe(createHash('sha256').update(proof).digest('hex'));
    expect(owners.supports).toEqual([{ kind: 'verification', name: 'ST2-NC-01' }]);
    const turned = files.find((f) => f.name === 'IMG_0001.jpg')!;
    expect(turned.supports.map((x) => x.name)).toEqual(['NC-01', 'NC-02']);

    await writeReportDocx(model, join(out, 'r.docx'));
    const doc = readDocx(join(out, 'r.docx'));
    const rows = doc.tables.find((t) => t.rows[0]!.join('|') === 'File|SHA-256|Supports')!.rows.slice(1);
    expect(rows).toHaveLength(files.length);
    const row = rows.find((r) => r[0]!.startsWith('owners.txt\n'))!;
    expect(row[1]!.replace(/\s/g, '')).toBe(owners.sha256);
    expect(row[2]).toBe('Verification of ST2-NC-01');
    expect(allText(doc)).toContain('Finding NC-01\nFinding NC-02');
  });

  it('prints the decision to record the recommendation with gaps open, not the later closing', async () => {
    expect(model.overrides?.map((o) => o.stage)).toEqual(['recommend']);
    const o = model.overrides![0]!;
    expect(o.reason).toBe('The remaining checklist items are covered by the sampling described in this report.');
    await writeReportDocx(model, join(out, 'o.docx'));
    const doc = readDocx(join(out, 'o.docx'));
    const facts = doc.tables.find((t) => t.rows[0]![0] === 'Decision')!.rows;
    expect(facts.map((r) => r[0])).toEqual(['Decision', 'Taken by', 'On', 'Gaps open at the time', 'Reason given']);
    expect(facts[0]![1]).toBe("Recording the audit team's conclusion");
    expect(facts[1]![1]).toBe('Lena Lead');
    expect(facts[3]![1]).toBe(o.gaps.join('\n'));
    expect(facts[4]![1]).toBe(o.reason);
    expect(allText(doc)).not.toContain('Closed for the test');
  });
});
