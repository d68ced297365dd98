import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportDocx } from '#core/export/report/build';
import { collectReportModel } from '#core/export/report/collect';
import type { RepoContext } from '#core/repos/context';
import { defaultTemplatesDir, loadBuiltinTemplates } from '#core/templates/builtin';
import { allText, readDocx, type DocxReading } from '../../helpers/docx';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

let t: ReturnType<typeof tempBackend>;
let out: string;
let doc: DocxReading;

/** A gap analysis (pre-assessment) with a major and a minor gap and a good practice, issued. */
beforeAll(async () => {
  t = tempBackend();
  out = mkdtempSync(join(tmpdir(), 'fieldwork-report-gap-'));
  const { backend } = t;
  const client = value(await backend.call('clients.create', sampleClient()));
  const audit = value(
    await backend.call('audits.create', {
      ...sampleAudit(client.id, [client.sites[0]!.id]),
      type: 'gap_analysis',
      objectives: 'Show the organisation how far its ISMS is from certification.',
    }),
  );
  value(await backend.call('audits.setStatus', { id: audit.id, status: 'in_progress' }));
  const items = value(await backend.call('checklist.get', { auditId: audit.id })).items;
  const raise = async (type: 'major' | 'minor' | 'positive', ref: string, statement: string) => {
    const f = value(
      await backend.call('findings.create', {
        auditId: audit.id,
        by: 'Lena',
        finding: {
          type,
          itemIds: [items.find((i) => i.ref === ref)!.id],
          statement,
          evidenceText: `Seen during the walkthrough of ${ref}.`,
          raisedBy: 'Lena Lead',
          raisedAt: '2026-03-02T10:00',
        },
      }),
    );
    value(await backend.call('findings.issue', { id: f.id, by: 'Lena' }));
  };
  await raise('major', '9.2.1', 'No internal audit has been carried out yet.');
  await raise('minor', 'A.5.15', 'The access control policy is a draft.');
  await raise('positive', '7.3', 'Staff know whom to call about a security incident.');
  const ctx: RepoContext = {
    db: backend.db,
    dataDir: t.dataDir,
    deviceId: backend.deviceId,
    now: () => '2026-03-05T10:00:00.000Z',
    builtinTemplates: loadBuiltinTemplates(defaultTemplatesDir()),
  };
  const model = backend.db.transaction(() =>
    collectReportModel(ctx, audit.id, { reportNumber: 'DRAFT', version: 1, signOff: null }),
  )();
  await writeReportDocx(model, join(out, 'gap.docx'));
  doc = readDocx(join(out, 'gap.docx'));
}, 120_000);

afterAll(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('a gap analysis (pre-assessment) report', { timeout: 60_000 }, () => {
  it('is titled and worded as a pre-assessment, its findings called gaps', () => {
    const text = allText(doc);
    expect(doc.paragraphs.find((p) => p.style === 'Title')?.text).toBe('Pre-assessment report (gap analysis)');
    expect(doc.title).toContain('Pre-assessment report (gap analysis)');
    const h1 = doc.headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(h1).toContain('Gaps found');
    expect(h1).toContain('How the pre-assessment was carried out');
    expect(doc.headings.map((h) => h.text)).toContain('Gaps against the requirements');
    expect(text).toContain('The gaps below are not nonconformities of a certification audit');
    const summary = doc.tables.find((x) => x.rows[0]!.join('|') === 'No.|Type|Requirement|Status')!;
    expect(summary.rows.slice(1).map((r) => r[1])).toEqual(['Major gap', 'Minor gap', 'Good practice']);
    // The results tables say "gap" too.
    expect(text).toContain('Minor gap');
    expect(text).not.toMatch(/nonconformit(y|ies) (was|were) raised/);
    expect(text).not.toContain('Major nonconformity');
  });

  it('makes no certification recommendation and says nothing of certificates, marks or earlier audits', () => {
    const text = allText(doc);
    const headings = doc.headings.map((h) => h.text);
    expect(headings.some((h) => /recommendation/i.test(h))).toBe(false);
    expect(headings).not.toContain('Use of certificates and marks');
    expect(headings).not.toContain('Verification of previous findings');
    expect(text).not.toMatch(/recommends? certification|Stage 2 audit/);
    expect(text).toContain('Not issued — draft. This document is not signed and is not a valid pre-assessment report.');
  });
});
