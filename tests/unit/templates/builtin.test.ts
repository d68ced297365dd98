import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ChecklistTemplate, type TemplateItem } from '#shared/domain/template';
import { STAGE1_TEMPLATE_ID, STAGE2_TEMPLATE_ID } from '#shared/rules/checklist';
import { ANNEX_A_TITLES, CLAUSE_TITLES, STAGE1_TOPICS } from './reference';

const templatesDir = fileURLToPath(new URL('../../../resources/templates/', import.meta.url));
const load = (id: string): ChecklistTemplate =>
  ChecklistTemplate.parse(JSON.parse(readFileSync(`${templatesDir}${id}.json`, 'utf8')));

const stage2 = load(STAGE2_TEMPLATE_ID);
const stage1 = load(STAGE1_TEMPLATE_ID);
const controls = stage2.items.filter((i) => i.kind === 'control');
const clauses = stage2.items.filter((i) => i.kind === 'clause');

/** "5.10" -> [5, 10], so numbers compare numerically rather than as strings. */
const parts = (n: string) => n.split('.').map(Number);

describe('built-in Stage 2 template', () => {
  it('identifies itself as the Stage 2 template for ISO/IEC 27001:2022', () => {
    expect(stage2).toMatchObject({ id: STAGE2_TEMPLATE_ID, stage: 'stage2', language: 'en', version: '1.0.0' });
    expect(stage2.standard).toBe('ISO/IEC 27001:2022');
  });

  it('has exactly 93 Annex A controls, grouped 37/8/14/34 by theme', () => {
    expect(controls).toHaveLength(93);
    const byTheme = (theme: string) => controls.filter((c) => c.group === theme).length;
    expect([byTheme('A.5'), byTheme('A.6'), byTheme('A.7'), byTheme('A.8')]).toEqual([37, 8, 14, 34]);
    expect(stage2.groups.filter((g) => g.kind === 'theme').map((g) => [g.id, g.title])).toEqual([
      ['A.5', 'Organizational controls'],
      ['A.6', 'People controls'],
      ['A.7', 'Physical controls'],
      ['A.8', 'Technological controls'],
    ]);
  });

  it('numbers the controls 5.1–5.37, 6.1–6.8, 7.1–7.14, 8.1–8.34 in order with no gaps', () => {
    const themeSizes: [number, number][] = [
      [5, 37],
      [6, 8],
      [7, 14],
      [8, 34],
    ];
    const expected = themeSizes.flatMap(([theme, count]) =>
      Array.from({ length: count }, (_, i) => `${theme}.${i + 1}`),
    );
    expect(controls.map((c) => c.number)).toEqual(expected);
    for (const c of controls) {
      expect(c.ref, c.number).toBe(`A.${c.number}`);
      expect(c.group, c.number).toBe(`A.${parts(c.number)[0]}`);
    }
  });

  it('uses the official 2022 control titles', () => {
    expect(Object.keys(ANNEX_A_TITLES)).toHaveLength(93);
    expect(Object.fromEntries(controls.map((c) => [c.number, c.title]))).toEqual(ANNEX_A_TITLES);
  });

  it('has every requirement of clauses 4–10 with its title, in clause order', () => {
    expect(Object.fromEntries(clauses.map((c) => [c.ref, c.title]))).toEqual(CLAUSE_TITLES);
    for (const c of clauses) {
      expect(c.number, c.ref).toBe(c.ref);
      expect(c.group, c.ref).toBe(c.ref.split('.')[0]);
    }
    const sorted = [...clauses].sort((a, b) => {
      const [pa, pb] = [parts(a.number), parts(b.number)];
      for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d !== 0) return d;
      }
      return 0;
    });
    expect(clauses.map((c) => c.ref)).toEqual(sorted.map((c) => c.ref));
    expect(stage2.groups.filter((g) => g.kind === 'clause').map((g) => g.id)).toEqual([
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
  });

  it('asks about climate change in 4.1 and 4.2 (Amd 1:2024)', () => {
    for (const ref of ['4.1', '4.2']) {
      const item = clauses.find((c) => c.ref === ref);
      expect(
        item?.questions.some((q) => /climate/i.test(q)),
        ref,
      ).toBe(true);
    }
  });

  it('lists clauses first, then controls, so the checklist reads like the standard', () => {
    const kinds = stage2.items.map((i) => i.kind);
    expect(kinds.lastIndexOf('clause')).toBeLessThan(kinds.indexOf('control'));
    expect(stage2.items).toHaveLength(30 + 93);
  });
});

describe('built-in Stage 1 template', () => {
  it('identifies itself as the Stage 1 template', () => {
    expect(stage1).toMatchObject({ id: STAGE1_TEMPLATE_ID, stage: 'stage1', language: 'en' });
    expect(stage1.items.every((i) => i.kind === 'topic' && i.number === '')).toBe(true);
    expect(stage1.groups.every((g) => g.kind === 'topic')).toBe(true);
  });

  it('covers every review topic required for Stage 1', () => {
    const refs = stage1.items.map((i) => i.ref);
    expect(refs).toEqual(expect.arrayContaining(STAGE1_TOPICS));
  });

  it('references, for every topic, at least one clause that exists in the Stage 2 template', () => {
    const stage2Refs = new Set(stage2.items.map((i) => i.ref));
    for (const topic of stage1.items) {
      expect(topic.clauses.length, topic.ref).toBeGreaterThan(0);
      for (const ref of topic.clauses) expect(stage2Refs.has(ref), `${topic.ref} -> ${ref}`).toBe(true);
    }
  });
});

describe('built-in template wording', () => {
  const all: TemplateItem[] = [...stage1.items, ...stage2.items];

  it('gives every item 1–4 questions and at least one evidence hint', () => {
    for (const item of all) {
      expect(item.questions.length, item.ref).toBeGreaterThanOrEqual(1);
      expect(item.questions.length, item.ref).toBeLessThanOrEqual(4);
      expect(item.evidence.length, item.ref).toBeGreaterThanOrEqual(1);
      expect(item.evidence.length, item.ref).toBeLessThanOrEqual(4);
      for (const text of [...item.questions, ...item.evidence]) expect(text.trim(), item.ref).toBe(text);
    }
  });

  it('never repeats a question, nor a run of ten words, across items (guards against copy-paste filler)', () => {
    const words = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];
    const seenQuestion = new Map<string, string>();
    const seenRun = new Map<string, string>();
    const clashes: string[] = [];
    for (const item of all) {
      for (const q of item.questions) {
        const key = words(q).join(' ');
        const prev = seenQuestion.get(key);
        if (prev !== undefined) clashes.push(`same question in ${prev} and ${item.ref}: ${q}`);
        seenQuestion.set(key, item.ref);
        const w = words(q);
        for (let i = 0; i + 10 <= w.length; i++) {
          const run = w.slice(i, i + 10).join(' ');
          const owner = seenRun.get(run);
          if (owner !== undefined && owner !== item.ref) clashes.push(`"${run}" in ${owner} and ${item.ref}`);
          seenRun.set(run, item.ref);
        }
      }
    }
    expect(clashes).toEqual([]);
  });
});
