import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const READER = fileURLToPath(new URL('./pdf_pages.py', import.meta.url));

/** The text of each page of a PDF (tests/helpers/pdf_pages.py, its own reader: no poppler here), in page order. */
export function pdfPages(path: string): string[] {
  const out = execFileSync('/usr/bin/python3', [READER, path], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as string[];
}

/** Text with every blank removed: a PDF's runs split words and lines where its layout did. */
export const squash = (text: string): string => text.replace(/\s+/g, '');

/** A footer's "Page 4-2" at the end of a page's text, as [section, page]; null for front matter or none. */
export function sectionPageOf(pageText: string): [number, number] | null {
  const m = /Page(\d+)-(\d+)$/.exec(squash(pageText));
  return m ? [Number(m[1]), Number(m[2])] : null;
}
