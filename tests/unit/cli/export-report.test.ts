import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocx } from '../../helpers/docx';
import { CLI, REPO_ROOT } from '../../helpers/serve';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/**
 * The README's walkthrough, as a newcomer would type it: demo data, then a
 * signed report with the demo passphrase, then `fieldwork verify`.
 */
describe('fieldwork export-report on demo data', { timeout: 240_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-report-cli-'));
  const dataDir = join(dir, 'data');
  const passFile = join(dir, 'pass.txt');
  let stage2: string;
  let surveillance: string;

  beforeAll(() => {
    expect(run('demo', '--data-dir', dataDir).code).toBe(0);
    writeFileSync(passFile, 'demo-passphrase\n');
    const audits = JSON.parse(run('audits', '--data-dir', dataDir, '--json').out) as {
      id: string;
      type: string;
      clientName: string;
    }[];
    stage2 = audits.find((a) => a.type === 'stage2' && a.clientName.startsWith('Nordlicht'))!.id;
    surveillance = audits.find((a) => a.type === 'surveillance1')!.id;
    // Two CLI runs, the demo with its key sealing, on a busy 2-core machine.
  }, 180_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('issues and signs with the demo passphrase; verify knows the signer only with the data folder', () => {
    const out = join(dir, 'surveillance.docx');
    const r = run(
      'export-report',
      '--data-dir',
      dataDir,
      '--audit',
      surveillance,
      '--out',
      out,
      '--sign',
      '--passphrase-file',
      passFile,
      // The demo's Surveillance 1 is still in progress: the issue gates list gaps.
      '--override-reason',
      'Interim report asked for by the client',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Wrote .*surveillance\.docx \(\d+ KB, SHA-256 [0-9a-f]{64}\)\.\nIssued and signed/);
    // Intact, but without the data folder nothing vouches for the certificate: exit 4, not 0.
    const check = run('verify', out);
    expect(check.code).toBe(4);
    expect(check.out).toMatch(/Signed by: +Amelia Hartmann/);
    expect(check.out).toMatch(/INTACT, SIGNER UNKNOWN/);
    const doc = readDocx(out);
    expect(doc.sections.map((s) => s.header).join(' ')).toMatch(/MC-\d{4}-\d{3}/);
    // With the data folder, verify also says which issued version the file is.
    const known = run('verify', out, '--data-dir', dataDir);
    expect(known.code).toBe(0);
    expect(known.out).toMatch(/^Signer: +KNOWN — the signing identity Amelia Hartmann of the data folder$/m);
    expect(known.out).toMatch(/^Result: +VALID — every part of the document is exactly as signed$/m);
    expect(known.out).toMatch(
      /^Issued: +Audit report version 1, report MC-\d{4}-\d{3}, Havelwerk Medical Supplies GmbH \(Surveillance 1\), issued .*, the current version$/m,
    );
  });

  it('refuses to issue while the gates list gaps unless --override-reason says why, leaving no file', () => {
    const out = join(dir, 'gated.docx');
    const sign = ['--sign', '--passphrase-file', passFile];
    const refused = run('export-report', '--data-dir', dataDir, '--audit', surveillance, '--out', out, ...sign);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/^fieldwork: Issuing the report with \d+ gaps? open needs a reason: .*checklist item/);
    expect(refused.err).toContain('Run again with --override-reason "…" to issue anyway');
    expect(refused.err).toMatch(/Nothing was written\.\n$/);
    expect(existsSync(out)).toBe(false);
    // The reason is for issuing only: a draft with it is a usage error.
    const draft = run(
      'export-report',
      '--data-dir',
      dataDir,
      '--audit',
      surveillance,
      '--out',
      out,
      '--override-reason',
      'x',
    );
    expect(draft.code).toBe(2);
    expect(draft.err).toMatch(/--override-reason applies only when issuing, with --sign/);
    expect(existsSync(out)).toBe(false);
  });

  it('writes an unsigned draft without --sign, and the DOCX NC list', () => {
    const report = join(dir, 'draft.docx');
    expect(run('export-report', '--data-dir', dataDir, '--audit', stage2, '--out', report).code).toBe(0);
    expect(run('verify', report).code).toBe(3);
    expect(run('verify', report, '--data-dir', dataDir).out).toMatch(/^Issued: +not a version issued from /m);
    const list = join(dir, 'nc.docx');
    const r = run('export-nc-list', '--data-dir', dataDir, '--audit', surveillance, '--format', 'docx', '--out', list);
    expect(r.code).toBe(0);
    expect(readDocx(list).sections[0]!.orientation).toBe('landscape');
  });

  it('refuses a wrong passphrase and an unwritable folder, leaving no file', () => {
    const wrongPass = join(dir, 'wrong.txt');
    writeFileSync(wrongPass, 'not-demo\n');
    const out = join(dir, 'refused.docx');
    const wrong = run(
      'export-report',
      '--data-dir',
      dataDir,
      '--audit',
      stage2,
      '--out',
      out,
      '--sign',
      '--passphrase-file',
      wrongPass,
      '--override-reason',
      'Past the gates, to reach the key',
    );
    expect(wrong).toEqual({
      code: 1,
      out: '',
      err: 'fieldwork: The passphrase is wrong. Nothing was signed. Nothing was written.\n',
    });
    expect(existsSync(out)).toBe(false);

    // root ignores folder permissions, so CI (root) uses a folder the kernel refuses to anyone.
    let locked = '/sys';
    if (process.getuid?.() !== 0) {
      locked = join(dir, 'locked');
      mkdirSync(locked);
      chmodSync(locked, 0o500);
    }
    const target = join(locked, 'report.docx');
    const denied = run('export-report', '--data-dir', dataDir, '--audit', stage2, '--out', target);
    expect(denied).toEqual({
      code: 1,
      out: '',
      err: `fieldwork: Cannot write ${target}: permission denied. Nothing was written.\n`,
    });
    expect(existsSync(target)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const missing = run('export-report', '--data-dir', dataDir, '--audit', stage2, '--out', out, '--sign');
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/--sign needs --passphrase-file/);
  });
});
