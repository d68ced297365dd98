import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage } from '#core/signing/package-verify';
import { allText, convertToPdf, readDocx, type DocxReading } from '../../helpers/docx';
import { CLI, REPO_ROOT } from '../../helpers/serve';

/**
 * The demo's Stage 2 report issued in German, in French and bilingual
 * (German / French) with the built CLI's --lang / --second-lang, read back with
 * python-docx, each signature checked, the bilingual one laid out by
 * LibreOffice; the NC list in German and the plan in French by their titles.
 */

const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
const ok = (...args: string[]) => {
  const r = run(...args);
  if (r.status !== 0) throw new Error(`fieldwork ${args[0]} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
};

const dir = mkdtempSync(join(tmpdir(), 'fieldwork-report-lang-'));
const dataDir = join(dir, 'data');
const passFile = join(dir, 'pass.txt');
const paths = { de: join(dir, 'de.docx'), fr: join(dir, 'fr.docx'), both: join(dir, 'de-fr.docx') };
let auditId: string;
let notes: string[];
const docs = {} as Record<keyof typeof paths, DocxReading>;

function issue(out: string, ...lang: string[]) {
  ok(
    'export-report',
    '--data-dir',
    dataDir,
    '--audit',
    auditId,
    '--out',
    out,
    '--sign',
    '--passphrase-file',
    passFile,
    '--override-reason',
    'Interim report for the client.',
    ...lang,
  );
}

beforeAll(() => {
  ok('demo', '--data-dir', dataDir);
  const audits = JSON.parse(ok('audits', '--data-dir', dataDir, '--json')) as {
    id: string;
    type: string;
    clientName: string;
  }[];
  auditId = audits.find((a) => a.type === 'stage2' && a.clientName.startsWith('Nordlicht'))!.id;
  writeFileSync(passFile, 'demo-passphrase\n');
  const checklist = JSON.parse(ok('call', '--data-dir', dataDir, 'checklist.get', JSON.stringify({ auditId }))) as {
    value: { items: { notes: string }[] };
  };
  notes = checklist.value.items.map((i) => i.notes.trim()).filter((n) => n !== '' && !n.includes('\n'));
  issue(paths.de, '--lang', 'de');
  issue(paths.fr, '--lang', 'fr');
  issue(paths.both, '--lang', 'de', '--second-lang', 'fr');
  for (const k of Object.keys(paths) as (keyof typeof paths)[]) docs[k] = readDocx(paths[k]);
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const headings = (d: DocxReading) => d.headings.map((h) => h.text);

describe('the demo report in German, French and both', { timeout: 300_000 }, () => {
  it('is worded in German: headings, tables and the finding types', () => {
    const h = headings(docs.de);
    expect(h).toEqual(expect.arrayContaining(['Angaben zum Audit', 'Feststellungen', 'Empfehlung des Auditteams']));
    expect(h).not.toContain('Findings');
    expect(docs.de.tables.some((t) => t.rows[0]!.join('|') === 'Ref.|Anforderung|Ergebnis|Anmerkungen')).toBe(true);
    expect(allText(docs.de)).toContain('Es wurden keine Abweichungen festgestellt.');
    expect(docs.de.paragraphs.some((p) => p.style === 'Title' && p.text === 'Auditbericht')).toBe(true);
  });

  it('is worded in French', () => {
    const h = headings(docs.fr);
    expect(h).toEqual(
      expect.arrayContaining(["Informations sur l'audit", 'Constats', "Recommandation de l'équipe d'audit"]),
    );
    expect(allText(docs.fr)).toContain("Aucune non-conformité n'a été relevée.");
  });

  it("bilingual: our wording in both languages, the auditor's texts once and marked as in one language only", () => {
    const h = headings(docs.both);
    expect(h).toEqual(
      expect.arrayContaining(['Feststellungen / Constats', "Angaben zum Audit / Informations sur l'audit"]),
    );
    const text = allText(docs.both);
    expect(text).toContain('(wie verfasst, nur in einer Sprache) / (tel que rédigé, dans une seule langue)');
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes.slice(0, 5)) {
      expect(text).toContain(note);
      // as often as in the one-language report: once, not once per language
      expect(text.split(note).length).toBe(allText(docs.de).split(note).length);
    }
  });

  it('is signed: every one verifies, also with `fieldwork verify`', async () => {
    for (const p of Object.values(paths)) {
      expect(await verifyPackage(readFileSync(p))).toMatchObject({ status: 'valid', problems: [] });
    }
    expect(run('verify', paths.both, '--data-dir', dataDir).status).toBe(0);
  });

  it('LibreOffice lays the bilingual report out', async () => {
    const pdf = await convertToPdf(paths.both, dir);
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('writes the NC list in German and the plan in French; refuses an unknown language', () => {
    const nc = join(dir, 'nc.docx');
    ok('export-nc-list', '--data-dir', dataDir, '--audit', auditId, '--format', 'docx', '--out', nc, '--lang', 'de');
    expect(readDocx(nc).paragraphs.some((p) => p.text === 'Abweichungsliste')).toBe(true);
    const plan = join(dir, 'plan.docx');
    ok('export-plan', '--data-dir', dataDir, '--audit', auditId, '--out', plan, '--lang', 'fr');
    expect(readDocx(plan).paragraphs.some((p) => p.text === "Plan d'audit")).toBe(true);
    const bad = run(
      'export-report',
      '--data-dir',
      dataDir,
      '--audit',
      auditId,
      '--out',
      join(dir, 'x.docx'),
      '--lang',
      'es',
    );
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('Unknown language "es"');
  });
});
