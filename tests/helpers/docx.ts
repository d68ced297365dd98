import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, rmSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** What tests/helpers/docx_read.py reports about a .docx (python-docx: an independent reader). */
export interface DocxReading {
  headings: { level: number; text: string }[];
  paragraphs: { style: string; text: string }[];
  tables: { headerRepeats: boolean; rows: string[][] }[];
  inlineImages: number;
  bodyFields: string[];
  sections: {
    orientation: 'portrait' | 'landscape';
    pageWidth: number;
    pageHeight: number;
    header: string;
    footer: string;
    headerFields: string[];
    footerFields: string[];
  }[];
  styles: string[];
  title: string;
}

const READER = fileURLToPath(new URL('./docx_read.py', import.meta.url));
/** Debian's python3-docx loads only in the system interpreter. */
const PYTHON = '/usr/bin/python3';

export function readDocx(path: string): DocxReading {
  const out = execFileSync(PYTHON, [READER, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as DocxReading;
}

/** All paragraph and table-cell text, for "does the document say X anywhere" checks. */
export const allText = (r: DocxReading): string =>
  [...r.paragraphs.map((p) => p.text), ...r.tables.flatMap((t) => t.rows.flat())].join('\n');

/**
 * Converts with LibreOffice (a third implementation) to PDF, using a private
 * profile so parallel runs never share one. Resolves to the PDF's path.
 */
export function convertToPdf(docxPath: string, outDir: string, timeoutMs = 90_000): Promise<string> {
  const profile = `/tmp/lo-profile-${randomBytes(6).toString('hex')}`;
  const args = [
    `-env:UserInstallation=file://${profile}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    outDir,
    docxPath,
  ];
  return new Promise((resolve, reject) => {
    execFile('soffice', args, { timeout: timeoutMs }, (err, _stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      const pdf = join(outDir, basename(docxPath).replace(/\.docx$/i, '.pdf'));
      if (err) return reject(new Error(`soffice failed: ${err.message} ${stderr}`));
      if (!existsSync(pdf) || statSync(pdf).size === 0) return reject(new Error(`no PDF produced: ${stderr}`));
      resolve(pdf);
    });
  });
}
