/**
 * The built CLI: a template made from the sample with one paragraph added is
 * imported, the demo's report issued in it and signed; `fieldwork verify` finds
 * it intact and python-docx reads the paragraph. An import with unknown
 * placeholders is refused with them named, and nothing is stored.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, readDocx } from '../../helpers/docx';
import { CLI, REPO_ROOT } from '../../helpers/serve';
import { editDocument, sampleTemplate, withParagraph } from './template-docx';

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('fieldwork import-report-template and export-report --template', { timeout: 300_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-rtpl-cli-'));
  const dataDir = join(dir, 'data');
  const passFile = join(dir, 'pass.txt');
  let stage2: string;

  beforeAll(() => {
    expect(run('demo', '--data-dir', dataDir).code).toBe(0);
    writeFileSync(passFile, 'demo-passphrase\n');
    const audits = JSON.parse(run('audits', '--data-dir', dataDir, '--json').out) as { id: string; type: string }[];
    stage2 = audits.find((a) => a.type === 'stage2')!.id;
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses a template with unknown placeholders, naming them, and stores nothing', async () => {
    const file = join(dir, 'typo.docx');
    writeFileSync(file, await editDocument(sampleTemplate(), (xml) => xml.replace('{clientName}', '{clientNmae}')));
    const r = run('import-report-template', file, '--type', 'report', '--lang', 'en', '--data-dir', dataDir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('placeholders Fieldwork does not fill, which would print empty: clientNmae');
    const list = run('call', 'reportTemplates.list', '{}', '--data-dir', dataDir);
    expect(JSON.parse(list.out)).toEqual({ ok: true, value: [] });
  });

  it('issues the demo report in the imported template, signed: the added paragraph is there and it verifies', async () => {
    const file = join(dir, 'Our layout.docx');
    writeFileSync(file, await withParagraph(sampleTemplate(), 'Issued under procedure CB-17 for {clientName}.'));
    const imported = run('import-report-template', file, '--type', 'report', '--lang', 'en', '--data-dir', dataDir);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    const id = /\(([0-9a-f-]{36})\)/.exec(imported.out)![1]!;
    const out = join(dir, 'report.docx');
    const r = run(
      'export-report',
      '--data-dir',
      dataDir,
      '--audit',
      stage2,
      '--out',
      out,
      '--template',
      id,
      '--sign',
      '--passphrase-file',
      passFile,
      '--override-reason',
      'Test of the template',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const text = allText(readDocx(out));
    expect(text).toMatch(/Issued under procedure CB-17 for \S.+\./);
    expect(text).not.toContain('{clientName}');
    const check = run('verify', out, '--data-dir', dataDir);
    expect(check.out).toMatch(/^Result: +VALID/m);
    expect(check.code).toBe(0);
  });
});
