import { rmSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openBackend } from '#core/backend';
import { compareVersions } from '#core/templates/store';
import { STAGE1_TEMPLATE_ID, STAGE2_TEMPLATE_ID } from '#shared/rules/checklist';
import { dumpDatabase, tempBackend, value } from '../../helpers/backend';
import { item, miniTemplate, templatesFolder } from '../../helpers/templates';

let t: ReturnType<typeof tempBackend>;
beforeEach(() => {
  t = tempBackend();
});
afterEach(() => t.cleanup());

const importing = (template: unknown) => t.backend.call('templates.import', { template });

describe('built-in templates', () => {
  it('lists the built-in Stage 1 and Stage 2 templates first, then imported ones', async () => {
    value(await importing(miniTemplate()));
    const list = value(await t.backend.call('templates.list', {}));
    expect(list.map((x) => [x.id, x.builtin])).toEqual([
      [STAGE1_TEMPLATE_ID, true],
      [STAGE2_TEMPLATE_ID, true],
      ['cb-iso27001-short', false],
    ]);
    expect(list[1]).toMatchObject({ stage: 'stage2', itemCount: 123, language: 'en' });
    expect(list[2]).toMatchObject({ version: '1.0', itemCount: 3, title: 'CB short ISO/IEC 27001 checklist' });
  });

  it('refuses to start with a broken built-in template, naming the file and the field', () => {
    const broken = miniTemplate({ id: STAGE2_TEMPLATE_ID });
    broken.items = [...broken.items, { ...item('9.3', 'clause', '9', '9.3', 'Management review'), questions: [] }];
    const cases: [Record<string, unknown>, RegExp][] = [
      [
        { 'a.json': miniTemplate({ id: STAGE1_TEMPLATE_ID, stage: 'stage1' }), 'b.json': broken },
        /b\.json is invalid — items\.3\.questions: Every item needs at least one audit question/,
      ],
      [{ 'a.json': miniTemplate({ id: STAGE1_TEMPLATE_ID }), 'b.json': '{ "id": ' }, /b\.json is not valid JSON/],
      [{ 'a.json': miniTemplate({ id: STAGE1_TEMPLATE_ID }) }, /iso27001-2022-stage2 is missing/],
    ];
    for (const [files, message] of cases) {
      const dir = templatesFolder(files);
      const data = templatesFolder({});
      try {
        expect(() => openBackend({ dataDir: data, templatesDir: dir })).toThrow(message);
      } finally {
        rmSync(dir, { recursive: true, force: true });
        rmSync(data, { recursive: true, force: true });
      }
    }
  });

  it('compares versions by their numbers', () => {
    expect(['1.10', '1.9', '2', '1.0.0', '1.0'].sort(compareVersions)).toEqual(['1.0', '1.0.0', '1.9', '1.10', '2']);
    expect(compareVersions('2024-b', '2024-a')).toBe(1);
  });
});

describe('templates.import', () => {
  it('rejects an invalid template with the path of the field at fault, and changes nothing', async () => {
    const bad = miniTemplate();
    bad.items = bad.items.map((i, n) => (n === 2 ? { ...i, questions: [] } : i));
    const before = dumpDatabase(t.backend.db);
    const r = await importing({ ...bad, language: 'English' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('invalid_input');
    expect(r.error.message).toMatch(/^This template is not valid — language: Use a language tag/);
    expect(r.error.message).toMatch(/\(and 1 more problem\)$/);
    expect(r.error.issues?.map((i) => i.path.join('.'))).toEqual(['language', 'items.2.questions']);
    const only = await importing(bad);
    expect(only.ok ? '' : only.error.message).toBe(
      'This template is not valid — items.2.questions: Every item needs at least one audit question',
    );
    const unknownGroup = miniTemplate();
    unknownGroup.items = [...unknownGroup.items, item('A.6.1', 'control', 'A.6', '6.1', 'Screening')];
    const grouped = await importing(unknownGroup);
    expect(grouped.ok ? '' : grouped.error.message).toMatch(/items\.3\.group: Unknown group "A\.6"/);
    for (const junk of [null, 'text', [], { id: 'x' }]) expect((await importing(junk)).ok).toBe(false);
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });

  it('accepts an identical re-import, refuses changed content under the same version and built-in ids', async () => {
    value(await importing(miniTemplate()));
    const before = dumpDatabase(t.backend.db);
    expect(value(await importing(miniTemplate()))).toMatchObject({ id: 'cb-iso27001-short', builtin: false });
    const changed = await importing(miniTemplate({ title: 'Something else' }));
    expect(changed.ok ? null : [changed.error.code, changed.error.message]).toEqual([
      'conflict',
      expect.stringMatching(/already imported with different content; bump the version/),
    ]);
    const builtin = await importing(miniTemplate({ id: STAGE2_TEMPLATE_ID }));
    expect(builtin.ok ? null : [builtin.error.code, builtin.error.message]).toEqual([
      'conflict',
      expect.stringMatching(/built-in template/),
    ]);
    expect(dumpDatabase(t.backend.db)).toEqual(before);
    value(await importing(miniTemplate({ version: '1.1', title: 'Something else' })));
    expect(value(await t.backend.call('templates.list', {})).map((x) => [x.id, x.version, x.title])).toEqual([
      [STAGE1_TEMPLATE_ID, '1.0.0', expect.any(String)],
      [STAGE2_TEMPLATE_ID, '1.0.0', expect.any(String)],
      ['cb-iso27001-short', '1.1', 'Something else'],
    ]);
  });

  it('reads the built-ins from an overridden folder (packaging, tests)', async () => {
    const dataDir = templatesFolder({});
    const dir = templatesFolder({
      'x.json': miniTemplate({ id: STAGE1_TEMPLATE_ID, stage: 'stage1' }),
      'y.json': miniTemplate({ id: STAGE2_TEMPLATE_ID }),
    });
    try {
      const other = openBackend({ dataDir, templatesDir: dir });
      expect(value(await other.call('templates.list', {})).map((x) => x.itemCount)).toEqual([3, 3]);
      other.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
