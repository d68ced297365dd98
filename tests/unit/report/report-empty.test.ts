import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeNcListDocx } from '#core/export/nc-list-docx';
import { writeReportDocx } from '#core/export/report/build';
import { collectReportModel } from '#core/export/report/collect';
import type { ReportModel } from '#core/export/report/model';
import type { RepoContext } from '#core/repos/context';
import { defaultTemplatesDir, loadBuiltinTemplates } from '#core/templates/builtin';
import { allText, readDocx } from '../../helpers/docx';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

let t: ReturnType<typeof tempBackend>;
let out: string;
let model: ReportModel;

/** A Stage 1 audit just created: no results, findings, photos, report texts or branding yet. */
beforeAll(async () => {
  t = tempBackend();
  out = mkdtempSync(join(tmpdir(), 'fieldwork-report-empty-'));
  const client = value(await t.backend.call('clients.create', sampleClient()));
  const audit = value(await t.backend.call('audits.create', { ...sampleAudit(client.id), type: 'stage1' }));
  const ctx: RepoContext = {
    db: t.backend.db,
    dataDir: t.dataDir,
    deviceId: t.backend.deviceId,
    now: () => '2026-03-05T10:00:00.000Z',
    builtinTemplates: loadBuiltinTemplates(defaultTemplatesDir()),
  };
  model = t.backend.db.transaction(() =>
    collectReportModel(ctx, audit.id, { reportNumber: 'DRAFT', version: 1, signOff: null }),
  )();
});

afterAll(() => {
  t.cleanup();
  rmSync(out, { recursive: true, force: true });
});

describe('a report of an audit with nothing recorded yet', () => {
  it('still has every section, says what is missing, and shows the Stage 1 topics', async () => {
    expect(model.photos).toEqual([]);
    expect(model.body.logo).toBeNull();
    const built = await writeReportDocx(model, join(out, 'r.docx'));
    expect(built.warnings).toEqual([]);
    const doc = readDocx(join(out, 'r.docx'));
    const h1 = doc.headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(h1).not.toContain('Photographs');
    expect(h1).toContain('Verification of previous findings');
    expect(h1).toContain('Sign-off');
    const h2 = doc.headings.filter((h) => h.level === 2).map((h) => h.text);
    expect(h2).toContain('Results by topic');
    expect(h2).not.toContain('Results by clause (4 to 10)');
    const text = allText(doc);
    for (const s of [
      'No findings were issued in this audit.',
      'No findings from earlier audits were carried into this audit.',
      'Not recorded.',
      'Not issued — draft. This document is not signed and is not a valid audit report.',
      'This audit examined a sample of the information available: records, people, sites and activities were selected, not checked in full. Nonconformities may therefore exist in areas that were not sampled, and the absence of a finding does not mean that a requirement is met everywhere.',
    ]) {
      expect(text).toContain(s);
    }
    expect(doc.inlineImages).toBe(0);
    expect(doc.sections[0]!.header).toBe('Report DRAFT · Version 1');
  });

  it('gives a nonconformity list that says there are none', async () => {
    await writeNcListDocx(model, join(out, 'nc.docx'));
    const doc = readDocx(join(out, 'nc.docx'));
    expect(doc.sections[0]!.orientation).toBe('landscape');
    expect(doc.tables).toEqual([]);
    expect(allText(doc)).toContain('No nonconformities were raised in this audit.');
  });
});
