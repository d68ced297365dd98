/**
 * What the cells of a Statement of Applicability mean: column names, control
 * numbers, yes/no values and the document version. Pure string rules, shared
 * by the CSV and the Excel readers.
 */

export type ColumnKind = 'control' | 'applicable' | 'justification' | 'status' | 'version';

/** Header names that name the control number column — exact, after normalising. */
const CONTROL = new Set([
  'control',
  'control number',
  'control no',
  'control nr',
  'control id',
  'control ref',
  'control reference',
  'annex a',
  'annex a control',
  'annex a control number',
  'annex a ref',
  'annex a reference',
  'ref',
  'ref no',
  'reference',
  'id',
  'number',
  'no',
  'nr',
  'massnahme',
  'controle',
  'mesure',
]);
const VERSION = new Set(['version', 'soa version', 'document version']);
// Longer names (e.g. "Justification for inclusion/exclusion") contain one of these words.
const JUSTIFICATION = ['justification', 'reason', 'rationale', 'begrundung', 'begruendung'];
const STATUS = ['status', 'implementation', 'implemented', 'umsetzung', 'statut'];
// Applicability names start with one of these ("Applicable (Y/N)", "Included in ISMS").
const APPLICABLE = ['applicable', 'applicability', 'included', 'selected', 'in scope', 'anwendbar', 'applicabilite'];

/** Lower case, no accents, no parenthesised remarks, punctuation as single spaces. */
export function normaliseHeader(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const containsWord = (h: string, words: readonly string[]) =>
  words.some((w) => ` ${h} `.includes(` ${w} `) || h.startsWith(`${w} `) || h === w);

export function headerKind(text: string): ColumnKind | null {
  const h = normaliseHeader(text);
  if (h === '') return null;
  if (VERSION.has(h)) return 'version';
  if (CONTROL.has(h)) return 'control';
  if (containsWord(h, JUSTIFICATION)) return 'justification';
  if (containsWord(h, STATUS)) return 'status';
  if (APPLICABLE.some((w) => h === w || h.startsWith(`${w} `))) return 'applicable';
  return null;
}

/** What users expect to see named when their header is not recognised. */
export const EXPECTED_COLUMNS =
  '"Control" (or "Control number", "Ref", "Annex A", "ID"), "Applicable" (yes or no), "Justification" and "Status"';

// Optional prefixes ("Control", "Annex A", "ISO 27001:2022"), an optional "A." and two number segments.
// A third segment ("A.9.1.1", 2013 numbering) is not a 2022 control number.
const CONTROL_NUMBER =
  /^(?:(?:iso(?:\s*\/?\s*iec)?\s*27001(?:\s*:\s*20\d\d)?|annex\s*a|control|ctrl)\s*[:#.-]?\s*)*(a\s*[.\s-]?\s*)?(\d{1,3})\s*\.\s*(\d{1,3})(?!\d|\s*\.\s*\d)/di;

export interface ControlNumber {
  /** Normalised: "5.1" for "A.05.01". */
  number: string;
  /** The number as the user wrote it ("A.5.1"), without any prefix or title. */
  written: string;
}

export function parseControlNumber(text: string): ControlNumber | null {
  const m = CONTROL_NUMBER.exec(text.trim());
  if (!m?.indices) return null;
  const start = (m.indices[1] ?? m.indices[2])?.[0] ?? 0;
  return {
    number: `${Number(m[2])}.${Number(m[3])}`,
    written: m[0].slice(start).trim(),
  };
}

const YES = new Set(['yes', 'y', 'true', '1', 'x', 'applicable', 'included', 'ja', 'j', 'oui', 'si', '✓', '✔']);
const NO = new Set(['no', 'n', 'false', '0', 'not applicable', 'excluded', 'not included', 'n/a', 'na', 'nein', 'non']);
// "No, see justification" / "Yes - partly": the first word decides.
const NO_PREFIX = /^(?:no|not applicable|not included|excluded|n\/a|nein|non)(?![a-z])/;
const YES_PREFIX = /^(?:yes|applicable|included|ja|oui)(?![a-z])/;

export type Applicability = { value: boolean } | { value: null; problem: string };

export function parseApplicability(text: string): Applicability {
  const v = text
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[.!]+$/, '');
  if (v === '') return { value: null, problem: 'Applicability is empty; expected yes or no' };
  if (YES.has(v)) return { value: true };
  if (NO.has(v)) return { value: false };
  if (NO_PREFIX.test(v)) return { value: false };
  if (YES_PREFIX.test(v)) return { value: true };
  return { value: null, problem: `Applicability "${clip(text.trim(), 40)}" is neither yes nor no` };
}

// "Version: 2.1", "Document version;3.0", "SoA version 1.4", "Version" + "2.1" in the next cell.
const VERSION_LABEL = /\bversion\b[\s:;=,#-]*(.*)$/i;
const VERSION_VALUE = /^v?\d[\w.-]*/i;

/** The SoA document version stated in a row above the header, if any. */
export function versionInRow(cells: readonly string[]): string | null {
  for (let i = 0; i < cells.length; i++) {
    const m = VERSION_LABEL.exec(cells[i] ?? '');
    if (!m) continue;
    const rest = (m[1] ?? '').trim() || (cells.slice(i + 1).find((c) => c.trim() !== '') ?? '').trim();
    const value = VERSION_VALUE.exec(rest);
    if (value) return clip(value[0], 50);
  }
  return null;
}

export const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);
