/**
 * docs/REPORT-TEMPLATES.md documents every placeholder the app fills, and no
 * other: a placeholder added to placeholders.ts without its line in the docs
 * (or a line left for one removed) fails here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLACEHOLDERS, type PlaceholderDoc } from '#core/report-templates/placeholders';

const DOC = readFileSync('docs/REPORT-TEMPLATES.md', 'utf8');
const table = DOC.slice(DOC.search(/^\| Placeholder/m), DOC.indexOf('### Photos'));

function names(set: Readonly<Record<string, PlaceholderDoc>>): string[] {
  return Object.entries(set).flatMap(([name, p]) => (p.items ? [name, ...names(p.items)] : [name]));
}

describe('docs/REPORT-TEMPLATES.md', () => {
  it('has a row for every placeholder, and rows for nothing else', () => {
    const documented = new Set([...table.matchAll(/`\{[#%]?([A-Za-z0-9.]+)\}`/g)].map((m) => m[1]!));
    expect([...documented].sort()).toEqual([...new Set(names(PLACEHOLDERS))].sort());
  });
});
