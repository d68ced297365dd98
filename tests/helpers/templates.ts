import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A small, valid template (as a certification body would write one), for import and loader tests. */
export const miniTemplate = (over: Record<string, unknown> = {}) => ({
  id: 'cb-iso27001-short',
  version: '1.0',
  title: 'CB short ISO/IEC 27001 checklist',
  language: 'en',
  stage: 'stage2',
  standard: 'ISO/IEC 27001:2022',
  groups: [
    { id: '4', title: 'Context of the organization', kind: 'clause' },
    { id: '9', title: 'Performance evaluation', kind: 'clause' },
    { id: 'A.5', title: 'Organizational controls', kind: 'theme' },
  ],
  items: [
    item('4.1', 'clause', '4', '4.1', 'Understanding the organization and its context'),
    item('9.2', 'clause', '9', '9.2', 'Internal audit'),
    item('A.5.1', 'control', 'A.5', '5.1', 'Policies for information security'),
  ],
  ...over,
});

export function item(ref: string, kind: string, group: string, number: string, title: string) {
  return {
    ref,
    kind,
    group,
    number,
    title,
    questions: [`How does the organisation address ${title.toLowerCase()}?`],
    evidence: ['Records reviewed during the audit'],
  };
}

/** Writes templates as *.json files into a fresh folder and returns it (for `templatesDir`). */
export function templatesFolder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fieldwork-templates-'));
  for (const [name, body] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof body === 'string' ? body : JSON.stringify(body));
  }
  return dir;
}
