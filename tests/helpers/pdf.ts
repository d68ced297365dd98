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

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * What is wrong with a report's contents, laid out (pages from `pdfPages`), against its section titles in order:
 * each contents line must read "n Title .... n-1"; the page whose footer says "Page n-1" must hold the title,
 * the page before it belong to section n-1 (or the front matter); pages count up within each section.
 * Empty when all holds.
 */
export function contentsProblems(pages: readonly string[], titles: readonly string[]): string[] {
  const problems: string[] = [];
  const contents = pages.find((p) => squash(p).includes(`Contents1${squash(titles[0] ?? '')}`));
  if (!contents) return ['no contents page'];
  for (const [i, title] of titles.entries()) {
    const n = i + 1;
    if (!new RegExp(`${n}${escape(squash(title))}\\.+${n}-1`).test(squash(contents)))
      problems.push(`contents line ${n} "${title}" does not read ${n}-1`);
    const first = pages.findIndex((p) => {
      const at = sectionPageOf(p);
      return at !== null && at[0] === n && at[1] === 1;
    });
    if (first < 0) {
      problems.push(`no page is numbered ${n}-1`);
      continue;
    }
    if (!squash(pages[first]!).includes(squash(title))) problems.push(`page ${n}-1 does not hold "${title}"`);
    if ((sectionPageOf(pages[first - 1] ?? '')?.[0] ?? 0) !== n - 1)
      problems.push(`the page before ${n}-1 is not in section ${n - 1}`);
  }
  const start = pages.findIndex((p) => sectionPageOf(p) !== null);
  if (start < 0) return [...problems, 'no page has a section page number'];
  const numbered = pages.slice(start).map(sectionPageOf);
  for (const [k, at] of numbered.entries()) {
    if (at === null) problems.push(`page ${start + k + 1} has no section page number`);
    else if (at[1] > 1 && JSON.stringify(numbered[k - 1]) !== JSON.stringify([at[0], at[1] - 1]))
      problems.push(`page ${at[0]}-${at[1]} does not follow ${JSON.stringify(numbered[k - 1])}`);
  }
  return problems;
}
