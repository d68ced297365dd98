import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';
import { allText, readDocx } from '../../helpers/docx';
import { CLI, REPO_ROOT } from '../../helpers/serve';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/**
 * The plan as the client receives it: `fieldwork export-plan` (the built CLI
 * and export worker) on a folder made through dispatch, read back by
 * python-docx, its signature checked by `fieldwork verify`.
 */
describe('fieldwork export-plan', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-plan-cli-'));
  const dataDir = join(dir, 'data');
  const passFile = join(dir, 'pass.txt');
  let auditId: string;

  beforeAll(async () => {
    const b = openBackend({ appVersion: 'test', dataDir });
    try {
      value(
        await b.call('branding.update', { name: 'Example Certification Ltd', reportNumberPattern: 'EC-{year}-{seq}' }),
      );
      const client = value(await b.call('clients.create', sampleClient()));
      const audit = value(await b.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id])));
      auditId = audit.id;
      const items = value(await b.call('checklist.get', { auditId })).items;
      value(
        await b.call('plan.save', {
          auditId,
          objectives: 'Decide whether to recommend certification',
          scope: 'Software development and hosting at HQ',
          criteria: 'ISO/IEC 27001:2022; Statement of Applicability v3',
          notes: 'Visitor badges at reception; the audit is held in English.',
        }),
      );
      value(
        await b.call('plan.addSession', {
          auditId,
          day: '2026-03-03',
          startTime: '10:00',
          endTime: '12:00',
          siteId: client.sites[0]!.id,
          topic: 'Identity and access management',
          auditee: 'IT operations manager',
          auditorId: audit.team[1]!.id,
          itemIds: [items.find((i) => i.ref === 'A.5.15')!.id, items.find((i) => i.ref === 'A.5.18')!.id],
        }),
      );
      value(
        await b.call('plan.addSession', {
          auditId,
          day: '2026-03-02',
          startTime: '09:00',
          endTime: '09:30',
          topic: 'Opening meeting',
          auditee: 'Top management',
          auditorId: audit.team[0]!.id,
        }),
      );
      value(
        await b.call('signing.create', {
          name: 'Lena Lead',
          validityDays: 365,
          keyAlgorithm: 'ecdsa-p256',
          protection: { kind: 'passphrase', passphrase: 'plan-passphrase' },
        }),
      );
    } finally {
      b.close();
    }
    writeFileSync(passFile, 'plan-passphrase\n');
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the plan signed by the lead auditor: objectives, scope, criteria, sites, team, timetable in order', () => {
    const out = join(dir, 'plan.docx');
    const r = run(
      'export-plan',
      '--data-dir',
      dataDir,
      '--audit',
      auditId,
      '--out',
      out,
      '--sign',
      '--passphrase-file',
      passFile,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*plan\.docx \(\d+ KB, SHA-256 [0-9a-f]{64}\)\.\n/);
    expect(r.out).toContain('Signed by Lena Lead');

    const doc = readDocx(out);
    const text = allText(doc);
    expect(doc.paragraphs[0]).toEqual({ style: 'Title', text: 'Audit plan' });
    expect(doc.headings.map((h) => h.text)).toEqual(['Audit team', 'Timetable']);
    for (const said of [
      'Decide whether to recommend certification',
      'Software development and hosting at HQ',
      'ISO/IEC 27001:2022; Statement of Applicability v3',
      'Visitor badges at reception; the audit is held in English.',
      'HQ, Main Street',
      '2026-03-02 to 2026-03-04',
      'Signed by Lena Lead on',
    ]) {
      expect(text).toContain(said);
    }
    const [facts, team, timetable] = doc.tables;
    expect(facts!.rows[0]).toEqual(['Organisation', 'Acme Ltd']);
    expect(team!.rows).toEqual([
      ['Name', 'Role'],
      ['Lena Lead', 'Lead auditor'],
      ['Arno Auditor', 'Auditor'],
    ]);
    expect(timetable!.headerRepeats).toBe(true);
    expect(timetable!.rows).toEqual([
      ['Day', 'Time', 'Site', 'Process or requirements', 'Auditee', 'Auditor'],
      ['2026-03-02', '09:00–09:30', '', 'Opening meeting', 'Top management', 'Lena Lead'],
      [
        '2026-03-03',
        '10:00–12:00',
        'HQ',
        'Identity and access management\nRequirements: A.5.15, A.5.18',
        'IT operations manager',
        'Arno Auditor',
      ],
    ]);
    expect(doc.sections[0]!.header).toContain('Example Certification Ltd · Acme Ltd · Stage 2 2026-03-02 · Audit plan');

    // The signature: every part as signed, and the signer one of the folder's identities.
    const known = run('verify', out, '--data-dir', dataDir);
    expect(known.out).toMatch(/^Result: +VALID — every part of the document is exactly as signed$/m);
    expect(known.out).toMatch(/^Signer: +KNOWN — the signing identity Lena Lead of the data folder$/m);
    expect(known.code).toBe(0);
  });

  it('writes an unsigned draft without --sign; a wrong passphrase writes nothing', () => {
    const draft = join(dir, 'draft.docx');
    expect(run('export-plan', '--data-dir', dataDir, '--audit', auditId, '--out', draft).code).toBe(0);
    expect(allText(readDocx(draft))).toContain('Draft — not signed.');
    expect(run('verify', draft).code).toBe(3);

    writeFileSync(passFile, 'wrong\n');
    const bad = join(dir, 'bad.docx');
    const r = run(
      'export-plan',
      '--data-dir',
      dataDir,
      '--audit',
      auditId,
      '--out',
      bad,
      '--sign',
      '--passphrase-file',
      passFile,
    );
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/Nothing was written/);
    expect(existsSync(bad)).toBe(false);
  });
});
