import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeReportDocx } from '#core/export/report/build';
import type { ReportModel } from '#core/export/report/model';
import { readDocx } from '../../helpers/docx';
import { reportWorld, SIGN_OFF, type ReportWorld } from '../report/world';

let w: ReportWorld;
let out: string;
let model: ReportModel;

beforeAll(async () => {
  w = await reportWorld();
  out = mkdtempSync(join(tmpdir(), 'fieldwork-contents-'));
  model = w.collect(SIGN_OFF);
}, 120_000);

afterAll(() => {
  w.cleanup();
  rmSync(out, { recursive: true, force: true });
});

/** Builds the report from `m` and reads its paragraphs back with python-docx. */
async function texts(m: ReportModel, name: string): Promise<string[]> {
  await writeReportDocx(m, join(out, name));
  const doc = readDocx(join(out, name));
  return [...doc.headings.map((h) => h.text), ...doc.paragraphs.map((p) => p.text)];
}

describe('report contents (issue 16 item 8), read back with python-docx', { timeout: 120_000 }, () => {
  it('counts read as English: one interview and one observation "were" recorded', async () => {
    const one = {
      ...model.records,
      interviews: model.records.interviews.slice(0, 1),
      observations: model.records.observations.slice(0, 1),
    };
    expect(one.interviews).toHaveLength(1);
    expect(one.observations).toHaveLength(1);
    const t = await texts({ ...model, records: one }, 'counts.docx');
    expect(t).toContain('1 interview and 1 on-site observation were recorded.');
    const two = { ...one, observations: [one.observations[0]!, one.observations[0]!] };
    expect(await texts({ ...model, records: two }, 'two.docx')).toContain(
      '1 interview and 2 on-site observations were recorded.',
    );
    const alone = await texts({ ...model, records: { ...one, observations: [] } }, 'alone.docx');
    expect(alone).toContain('1 interview was recorded.');
    const none = await texts({ ...model, records: { ...one, interviews: [], observations: [] } }, 'none.docx');
    expect(none).toContain('No interviews or on-site observations were recorded.');
  });

  it('a Stage 1 report concludes on readiness for Stage 2 and never recommends certification', async () => {
    const stage1: ReportModel = {
      ...model,
      audit: { ...model.audit, type: 'stage1' },
      recommendation: {
        ...model.recommendation,
        decided: { recommendation: 'recommend', overridden: false, reason: '', by: 'Lena', on: '2026-03-04' },
      },
    };
    const t = await texts(stage1, 'stage1.docx');
    expect(t).toContain('Conclusion of the audit team: readiness for Stage 2');
    expect(t).toContain('The audit team concludes that the organisation is ready for the Stage 2 audit.');
    expect(t.join('\n')).not.toMatch(/recommends certification/);
  });

  it('prints the reason given with a decision recorded while the completeness gates showed gaps', async () => {
    const reason = 'Remaining controls audited remotely the following week; results attached to the file.';
    const t = await texts(
      {
        ...model,
        recommendation: {
          ...model.recommendation,
          decided: { recommendation: 'recommend', overridden: false, reason, by: 'Lena', on: '2026-03-04' },
        },
      },
      'reason.docx',
    );
    const at = t.indexOf('The lead auditor recorded this reason with the decision:');
    expect(at).toBeGreaterThan(-1);
    expect(t[at + 1]).toBe(reason);
  });
});
