import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPackage } from '#core/signing/package-verify';
import { allText, convertToPdf, readDocx, type DocxReading } from '../../helpers/docx';
import { contentsProblems, pdfPages } from '../../helpers/pdf';
import { CLI, REPO_ROOT } from '../../helpers/serve';

/**
 * The demo's report as an assessor would get it: `fieldwork demo`, then
 * `fieldwork export-report --sign` of the Stage 2 in progress (built CLI and
 * export worker, what ships), read back with python-docx, its signature
 * checked, and its pages laid out by LibreOffice to check the contents.
 */

const run = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`fieldwork ${args[0]} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
};

const REASON = 'Interim report for the client; the remaining controls are audited on day 3.';

const dir = mkdtempSync(join(tmpdir(), 'fieldwork-report-demo-'));
const dataDir = join(dir, 'data');
const issuedPath = join(dir, 'stage2.docx');
const surveillancePath = join(dir, 'surveillance.docx');
let auditId: string;
let doc: DocxReading;
let text: string;

/** `fieldwork call OP INPUT` on the demo folder: the app's own answer, to compare the document with. */
function call<T>(op: string, input: unknown): T {
  const out = JSON.parse(run('call', '--data-dir', dataDir, op, JSON.stringify(input))) as {
    ok: boolean;
    value: T;
  };
  if (!out.ok) throw new Error(`${op} failed`);
  return out.value;
}

const table = (header: string) => {
  const found = doc.tables.find((t) => t.rows[0]!.join('|') === header);
  if (!found) throw new Error(`no table ${header}`);
  return found.rows.slice(1);
};

beforeAll(() => {
  run('demo', '--data-dir', dataDir);
  const audits = JSON.parse(run('audits', '--data-dir', dataDir, '--json')) as {
    id: string;
    type: string;
    clientName: string;
  }[];
  auditId = audits.find((a) => a.type === 'stage2' && a.clientName.startsWith('Nordlicht'))!.id;
  const passFile = join(dir, 'pass.txt');
  writeFileSync(passFile, 'demo-passphrase\n');
  run(
    'export-report',
    '--data-dir',
    dataDir,
    '--audit',
    auditId,
    '--out',
    issuedPath,
    '--sign',
    '--passphrase-file',
    passFile,
    '--override-reason',
    REASON,
  );
  const surveillance = audits.find((a) => a.type === 'surveillance1')!.id;
  run('export-report', '--data-dir', dataDir, '--audit', surveillance, '--out', surveillancePath);
  doc = readDocx(issuedPath);
  text = allText(doc);
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Item {
  kind: string;
  number: string;
  title: string;
  soa: { applicable: boolean; justification: string } | null;
}

describe("the demo's issued Stage 2 report, read back with python-docx", { timeout: 300_000 }, () => {
  it("lists the controls the client's SoA excludes, each with the SoA's justification", () => {
    const items = call<{ items: Item[] }>('checklist.get', { auditId }).items;
    const excluded = items.filter((i) => i.soa && !i.soa.applicable);
    expect(excluded.length).toBeGreaterThan(0);
    expect(table('Control|Title|Justification for the exclusion')).toEqual(
      excluded.map((i) => [i.number.startsWith('A.') ? i.number : `A.${i.number}`, i.title, i.soa!.justification]),
    );
    expect(text).toContain('excludes the Annex A controls below');
  });

  it('lists every interview: who, at which site, when, with whom of the team, on which requirements', () => {
    const interviews = call<{ intervieweeName: string; siteId: string; heldAt: string; itemIds: string[] }[]>(
      'interviews.list',
      { auditId },
    );
    const rows = table('Person interviewed|Site|When|Audit team present|Requirements covered');
    expect(rows).toHaveLength(interviews.length);
    const audit = call<{ clientId: string; team: { id: string; name: string }[] }>('audits.get', { id: auditId });
    const sites = call<{ sites: { id: string; name: string }[] }>('clients.get', { id: audit.clientId }).sites;
    const first = interviews[0]!;
    const row = rows.find((r) => r[0]!.startsWith(first.intervieweeName))!;
    expect(row[1]).toBe(sites.find((s) => s.id === first.siteId)!.name);
    expect(row[2]).toBe(first.heldAt.replace('T', ' '));
    expect(row[3]).not.toBe('');
    // "Clause 6.1.2 …" or "A.5.18 …": never a bare number that could be either.
    expect(row[4]!.split('\n')).toHaveLength(first.itemIds.length);
    for (const r of row[4]!.split('\n')) expect(r).toMatch(/^(Clause \d|A\.\d)/);
    const observations = table('Where|When|What was observed|Requirements covered');
    expect(observations.length).toBeGreaterThan(0);
    const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
    expect(text).toContain(
      `${n(interviews.length, 'interview', 'interviews')} and ${n(observations.length, 'on-site observation', 'on-site observations')} were recorded.`,
    );
  });

  it("gives each evidence file's full SHA-256, which matches the file's bytes", () => {
    const evidence = call<{ id: string; originalName: string; size: number }[]>('evidence.list', { auditId });
    expect(evidence.length).toBeGreaterThan(0);
    const rows = table('File|SHA-256|Supports');
    expect(rows).toHaveLength(evidence.length);
    for (const e of evidence.slice(0, 3)) {
      const chunks: Buffer[] = [];
      for (let offset = 0; offset < e.size;) {
        const c = call<{ dataBase64: string }>('evidence.read', { id: e.id, offset, length: 4 * 1024 * 1024 });
        const bytes = Buffer.from(c.dataBase64, 'base64');
        chunks.push(bytes);
        offset += bytes.length;
      }
      // Computed here over the bytes, not taken from the app.
      const digest = createHash('sha256').update(Buffer.concat(chunks)).digest('hex');
      const row = rows.find((r) => r[0]!.startsWith(`${e.originalName}\n`))!;
      expect(row[1]!.replace(/\s/g, '')).toBe(digest);
      expect(row[0]).toContain(`E-${digest.slice(0, 8)}`);
      expect(row[2]).not.toBe('');
    }
  });

  it('prints the decision to issue with gaps open: the gaps, the reason, who and when', () => {
    const at = doc.tables.find((t) => t.rows[0]![0] === 'Decision' && t.rows[0]![1] === 'Issuing the report');
    expect(at).toBeDefined();
    const facts: Record<string, string> = Object.fromEntries(at!.rows.map((r) => [r[0]!, r[1]!]));
    expect(facts['Reason given']).toBe(REASON);
    expect(facts['Taken by']).toBe('Amelia Hartmann');
    expect(facts['On']).toMatch(/\d{4} at \d{2}:\d{2} UTC$|\d{4}, \d{2}:\d{2} UTC$/);
    expect(facts['Gaps open at the time']).toMatch(/checklist items? ha(s|ve) no result/);
  });

  it('is signed, and the signature covers the document as read', async () => {
    const verdict = await verifyPackage(readFileSync(issuedPath));
    expect(verdict).toMatchObject({ status: 'valid', problems: [] });
  });

  it("numbers the earlier audits' findings with their audit's prefix in the Surveillance 1 report", () => {
    const surveillance = readDocx(surveillancePath);
    const carried = surveillance.tables.find(
      (t) => t.rows[0]!.join('|') === 'No.|From audit|Type|Statement|Status now|Verification',
    )!;
    expect(carried.rows.length).toBeGreaterThan(1);
    for (const r of carried.rows.slice(1)) expect(r[0]).toMatch(/^ST2-(NC|OFI|GP)-\d{2}$/);
  });
});

describe('its contents, laid out by LibreOffice', { timeout: 300_000 }, () => {
  it("gives each section's first page, and that page starts the section", async () => {
    const pages = pdfPages(await convertToPdf(issuedPath, dir));
    const titles = doc.headings.filter((h) => h.level === 1).map((h) => h.text);
    expect(titles.length).toBeGreaterThan(8);
    expect(contentsProblems(pages, titles)).toEqual([]);
    // The sections really span pages: a check that cannot fail on a one-page-per-section report.
    expect(pages.length).toBeGreaterThan(titles.length + 2);
  });
});
