import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '#core/backend';
import { seedDemo } from '#core/demo/seed';
import { tempBackend, value } from '../../helpers/backend';

// The tests only read the demo: one seeded folder serves them all (a second is seeded to compare two runs).
// Seeding takes tens of seconds on a loaded machine.
const SEED_MS = 300_000;
let t: ReturnType<typeof tempBackend>;
let demo: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  t = tempBackend();
  demo = await seedDemo(t.backend, new Date('2026-05-04T10:00:00Z'));
}, SEED_MS);
afterAll(() => t?.cleanup());

/** The demo's checklists and the Stage 2's dashboard, to compare two runs. */
async function seeded(backend: Backend, auditIds: string[]) {
  const [stage1, stage2] = await Promise.all(
    auditIds.map(async (auditId) => value(await backend.call('checklist.get', { auditId }))),
  );
  const dashboard = value(await backend.call('audits.dashboard', { auditId: auditIds[1]! }));
  const audit = value(await backend.call('audits.get', { id: auditIds[1]! }));
  return { stage1: stage1!, stage2: stage2!, dashboard, audit };
}

const content = (items: { ref: string; result: string; notes: string; samples: { identifier: string }[] }[]) =>
  items.map((i) => [i.ref, i.result, i.notes, i.samples.map((s) => s.identifier)]);

describe('demo data', { timeout: SEED_MS }, () => {
  it('fills the Stage 1 checklist, imports an SoA and records 40% of the Stage 2 fieldwork, the same every run', async () => {
    const { stage1, stage2, dashboard, audit } = await seeded(t.backend, demo.auditIds);
    expect(stage1.items.every((i) => i.result !== 'not_audited' && i.notes.length > 20)).toBe(true);

    expect(audit.soaVersion).toBe('2.1');
    expect(stage2.soaVersion).toBe('2.1');
    const excluded = stage2.items.filter((i) => i.soa && !i.soa.applicable);
    expect(excluded.map((i) => [i.number, i.result])).toEqual([
      ['8.25', 'not_applicable'],
      ['8.28', 'not_applicable'],
      ['8.30', 'not_applicable'],
    ]);
    expect(excluded.every((i) => i.soa!.justification.length > 10)).toBe(true);
    expect(stage2.items.filter((i) => i.kind === 'control').every((i) => i.soa !== null)).toBe(true);

    const audited = dashboard.total - dashboard.byResult.not_audited;
    expect(audited / dashboard.total).toBeGreaterThan(0.35);
    expect(audited / dashboard.total).toBeLessThan(0.45);
    expect(dashboard.byResult).toMatchObject({ ofi: 2, minor_nc: 1, major_nc: 0, not_applicable: 3 });
    expect(dashboard.needsFinding).toBe(3);
    expect(dashboard.notAuditedByAuditor.map((a) => a.name)).toEqual([
      'Amelia Hartmann',
      'Rafael Ortiz',
      'Priya Nair',
      'Unassigned',
    ]);
    expect(dashboard.notAuditedByAuditor.every((a) => a.count > 0)).toBe(true);
    expect(stage2.items.filter((i) => i.samples.length > 0).length).toBeGreaterThanOrEqual(3);
    expect(stage2.items.find((i) => i.ref === 'A.5.18')).toMatchObject({ result: 'minor_nc', needsFinding: true });

    const other = tempBackend();
    const again = await seedDemo(other.backend, new Date('2026-05-04T10:00:00Z'))
      .then(({ auditIds }) => seeded(other.backend, auditIds))
      .finally(() => other.cleanup());
    expect(content(again.stage2.items)).toEqual(content(stage2.items));
    expect(content(again.stage1.items)).toEqual(content(stage1.items));
  });
});

describe('demo fieldwork records', { timeout: 60_000 }, () => {
  it('has interviews, observations, documents reviewed and real photos and a PDF in the evidence store', async () => {
    const { auditIds } = demo;
    const auditId = auditIds[1]!;
    const interviews = value(await t.backend.call('interviews.list', { auditId }));
    const observations = value(await t.backend.call('observations.list', { auditId }));
    const documents = value(await t.backend.call('documents.list', { auditId }));
    const evidence = value(await t.backend.call('evidence.list', { auditId }));
    expect(interviews.length).toBeGreaterThanOrEqual(3);
    expect(observations.length).toBeGreaterThanOrEqual(3);
    expect(documents.length).toBeGreaterThanOrEqual(4);
    expect([...interviews, ...observations, ...documents].every((r) => r.itemIds.length > 0)).toBe(true);

    const photos = evidence.filter((e) => e.mediaType === 'image/jpeg');
    expect(photos.length).toBe(4);
    expect(photos.every((p) => p.hasThumbnail && p.capturedAt !== null)).toBe(true);
    expect(evidence.filter((e) => e.mediaType === 'application/pdf')).toHaveLength(1);
    expect(observations.reduce((n, o) => n + o.attachmentCount, 0)).toBe(4);
    // The stored bytes are what was attached: a JPEG starts with FF D8.
    const first = value(await t.backend.call('evidence.read', { id: photos[0]!.id, offset: 0, length: 2 }));
    expect(Buffer.from(first.dataBase64, 'base64')).toEqual(Buffer.from([0xff, 0xd8]));

    const hits = value(await t.backend.call('search.query', { q: 'ransomware', auditId }));
    expect(hits.map((h) => h.kind)).toContain('interview');
  });
});

describe('demo findings', { timeout: 60_000 }, () => {
  it('has findings of every type in every state, and a closed Stage 2 major carried into Surveillance 1', async () => {
    const { certified } = demo;
    const [stage2, s1] = certified.auditIds as [string, string];
    const findings = value(await t.backend.call('findings.list', { clientId: certified.clientId }));
    expect(new Set(findings.map((f) => f.status))).toEqual(
      new Set(['draft', 'open', 'response_received', 'response_accepted', 'verified', 'closed']),
    );
    expect(new Set(findings.map((f) => f.type))).toEqual(new Set(['major', 'minor', 'ofi', 'positive']));

    const major = findings.find((f) => f.type === 'major')!;
    expect(major).toMatchObject({ auditId: stage2, auditType: 'stage2', number: 'NC-01', status: 'closed' });
    expect(major.verification?.auditId).toBe(s1);
    const carried = value(await t.backend.call('programme.carried', { auditId: s1 }));
    expect(carried.map((c) => [c.number, c.fromAuditType, c.type, c.status])).toEqual([
      ['NC-01', 'stage2', 'major', 'closed'],
      ['NC-02', 'stage2', 'minor', 'verified'],
    ]);

    const s1Audit = value(await t.backend.call('audits.get', { id: s1 }));
    expect(s1Audit).toMatchObject({ type: 'surveillance1', status: 'reporting' });
    const programme = value(await t.backend.call('programme.get', { clientId: certified.clientId }));
    expect(programme.decisionDate).toBe('2025-04-29');
    expect(programme.steps.find((s) => s.type === 'surveillance1')).toMatchObject({
      auditId: s1,
      dueBy: '2026-04-29',
      overdue: false,
    });
    // The Surveillance 1 audit's own findings are numbered in their own series, from 01.
    expect(
      findings
        .filter((f) => f.auditId === s1 && f.number !== null)
        .map((f) => f.number)
        .sort(),
    ).toEqual(['NC-01', 'NC-02', 'NC-03', 'OFI-01']);

    // Stage 2 audited every item; each item a finding was raised against carries its grade.
    const results = async (auditId: string) =>
      new Map(value(await t.backend.call('checklist.get', { auditId })).items.map((i) => [i.ref, i.result]));
    const s2Results = await results(stage2);
    expect(s2Results.size).toBe(123);
    expect([...s2Results.values()].filter((r) => r === 'not_audited')).toEqual([]);
    expect([s2Results.get('A.8.13'), s2Results.get('A.5.15'), s2Results.get('A.8.8')]).toEqual([
      'major_nc',
      'minor_nc',
      'ofi',
    ]);
    // Surveillance 1 holds its sample only: internal audit, management review, improvement and a few controls.
    const s1Results = await results(s1);
    expect(s1Results.size).toBeLessThan(25);
    expect(s1Results.get('9.2.2')).toBe('minor_nc');
    expect(s1Results.get('A.8.15')).toBe('not_audited'); // its finding is still a draft

    // Both audits hold the client's SoA: Stage 2 imported it (its exclusions N/A), Surveillance 1 the revision.
    const [s2Checklist, s1Checklist] = await Promise.all(
      [stage2, s1].map(async (auditId) => value(await t.backend.call('checklist.get', { auditId }))),
    );
    expect([s2Checklist!.soaVersion, s1Checklist!.soaVersion]).toEqual(['1.1', '1.2']);
    for (const c of [s2Checklist!, s1Checklist!]) {
      expect(c.items.filter((i) => i.kind === 'control').every((i) => i.soa !== null)).toBe(true);
    }
    expect(s2Checklist!.items.filter((i) => i.soa && !i.soa.applicable).map((i) => [i.number, i.result])).toEqual([
      ['8.28', 'not_applicable'],
      ['8.30', 'not_applicable'],
    ]);

    // Corrective actions are whole sentences, not a word or two that reads as cut off.
    const actions = (
      await Promise.all(findings.map(async (f) => value(await t.backend.call('findings.get', { id: f.id }))))
    ).flatMap((f) => f.responses.map((r) => r.correctiveAction));
    expect(actions.length).toBeGreaterThanOrEqual(4);
    for (const a of actions) {
      expect(a, a).toMatch(/^[A-Z].*\.$/);
      expect(a.split(/\s+/).length, a).toBeGreaterThanOrEqual(10);
    }
  });
});

describe('demo SoA justifications', { timeout: 60_000 }, () => {
  it('name every control they cite as the checklist does ("A.8.32 Change management"), never a bare number', async () => {
    const { auditIds, certified } = demo;
    const items = (
      await Promise.all(
        [auditIds[1]!, ...certified.auditIds].map(
          async (auditId) => value(await t.backend.call('checklist.get', { auditId })).items,
        ),
      )
    ).flat();
    const titles = new Map(items.filter((i) => i.kind === 'control').map((i) => [i.number, i.title]));
    const justifications = [...new Set(items.flatMap((i) => (i.soa ? [i.soa.justification] : [])))];
    const cited = justifications.flatMap((j) => [...j.matchAll(/A\.(\d+\.\d+) ([^.;,]*)/g)]);
    expect(cited.length).toBeGreaterThan(0);
    for (const [, number, rest] of cited) expect(rest, number).toMatch(new RegExp(`^${titles.get(number!)}`));
    // A control number without its "A." and title, such as "(8.32)".
    for (const j of justifications) expect(j, j).not.toMatch(/(^|[^.\d])(?<!A\.)\d{1,2}\.\d{1,2}\b/);
  });
});

describe('demo reports', { timeout: 60_000 }, () => {
  it('brands the reports, gives the lead auditor a signing identity and issues a signed Stage 2 report', async () => {
    const { certified } = demo;
    const body = value(await t.backend.call('branding.get', {}));
    expect(body).toMatchObject({ name: 'Meridian Certification GmbH', reportNumberPattern: 'MC-{year}-{seq}' });
    expect(body.logo).not.toBeNull();
    const [identity] = value(await t.backend.call('signing.list', {}));
    expect(identity).toMatchObject({ name: 'Amelia Hartmann', protection: 'passphrase', expired: false });
    const report = value(await t.backend.call('reports.get', { auditId: certified.auditIds[0]! }));
    expect(report.issues).toHaveLength(1);
    expect(report.issues[0]).toMatchObject({
      kind: 'report',
      version: 1,
      current: true,
      signerName: 'Amelia Hartmann',
    });
    expect(report.changedSinceIssue.report).toBe(false);
    const check = value(await t.backend.call('reports.verify', { issueId: report.issues[0]!.id }));
    expect(check).toMatchObject({ status: 'valid', problems: [] });
    expect(check.signer?.fingerprint).toBe(identity!.fingerprint);
  });
});
