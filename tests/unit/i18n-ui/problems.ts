import { LANGUAGES } from '#shared/i18n/languages';

/** 'a.b.c' → text, for every string leaf of a nested catalogue. */
export function flatten(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree && typeof tree === 'object') {
    for (const [k, v] of Object.entries(tree)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (v && typeof v === 'object') for (const [kk, vv] of flatten(v, key)) out.set(kk, vv);
      else out.set(key, v);
    }
  }
  return out;
}

/** {{name}} and {{name, format}} → name, sorted; the same for Trans tags <name>. */
const params = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*([\w.]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1]))].sort().join(' ');
const tags = (text: string) => [...new Set([...text.matchAll(/<(\w+)>/g)].map((m) => m[1]))].sort().join(' ');
const show = (names: string, open: string, close: string) =>
  names
    .split(' ')
    .filter(Boolean)
    .map((n) => `${open}${n}${close}`)
    .join(' ');

/**
 * HTML's void elements: react-i18next's Trans parses a translation as HTML, so a
 * component named like one (<link>…</link>) gets no children — a link with no text.
 */
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Every way `ns` falls short in a language other than English, in words (empty when complete). */
export function catalogueProblems(ns: string, byLanguage: Record<string, unknown>): string[] {
  const english = flatten(byLanguage.en);
  const problems: string[] = [];
  for (const [key, source] of english) {
    if (typeof source !== 'string') continue;
    for (const tag of tags(source)
      .split(' ')
      .filter((t) => VOID.has(t)))
      problems.push(`${ns}:${key}: <${tag}> is an HTML void element, so its text would be lost; name it otherwise`);
  }
  for (const lng of LANGUAGES.filter((l) => l !== 'en')) {
    const other = flatten(byLanguage[lng]);
    for (const [key, source] of english) {
      const text = other.get(key);
      const where = `${ns}:${key} (${lng})`;
      if (text === undefined) problems.push(`${where}: missing`);
      else if (typeof text !== 'string' || text.trim() === '') problems.push(`${where}: empty`);
      else if (typeof source === 'string') {
        if (params(text) !== params(source))
          problems.push(
            `${where}: params ${show(params(text), '{{', '}}')} differ from English ${show(params(source), '{{', '}}')}`,
          );
        if (tags(text) !== tags(source))
          problems.push(
            `${where}: tags ${show(tags(text), '<', '>')} differ from English ${show(tags(source), '<', '>')}`,
          );
      }
    }
    for (const key of other.keys()) if (!english.has(key)) problems.push(`${ns}:${key} (${lng}): not in English`);
  }
  return problems;
}
