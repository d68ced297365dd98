import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNcListDocx } from '#core/export/nc-list-docx';
import { buildReportDocx } from '#core/export/report/build';
import { collectReportModel } from '#core/export/report/collect';
import type { ReportModel } from '#core/export/report/model';
import { STRINGS_EN as S } from '#core/export/report/strings-en';
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
    const built = await buildReportDocx(model);
    expect(built.warnings).toEqual([]);
    writeFileSync(join(out, 'r.docx'), built.docx);
    const doc = readDocx(join(out, 'r.docx'));
    const h1 = doc.headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(h1).not.toContain(S.photos.heading);
    expect(h1).toContain(S.previous.heading);
    expect(h1).toContain(S.signOff.heading);
    const h2 = doc.headings.filter((h) => h.level === 2).map((h) => h.text);
    expect(h2).toContain(S.results.byTopic);
    expect(h2).not.toContain(S.results.byClause);
    const text = allText(doc);
    for (const s of [
      S.findings.noFindings,
      S.previous.none,
      S.notRecorded,
      S.signOff.draft,
      S.approach.samplingStatement,
    ]) {
      expect(text).toContain(s);
    }
    expect(doc.inlineImages).toBe(0);
    expect(doc.sections[0]!.header).toBe('Report DRAFT · Version 1');
  });

  it('gives a nonconformity list that says there are none', async () => {
    const built = await buildNcListDocx(model);
    writeFileSync(join(out, 'nc.docx'), built.docx);
    const doc = readDocx(join(out, 'nc.docx'));
    expect(doc.sections[0]!.orientation).toBe('landscape');
    expect(doc.tables).toEqual([]);
    expect(allText(doc)).toContain(S.ncList.none);
  });
});
