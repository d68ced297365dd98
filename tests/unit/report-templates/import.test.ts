/**
 * reportTemplates.import: the trial render's findings refuse a template until
 * they are accepted (unknown placeholders and missing report contents listed
 * by name), and files that cannot be templates — not Word, a zip bomb, loops
 * nesting into millions of copies, placeholders written wrong — are refused in
 * words with nothing stored.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { unzipWork } from '#core/files/unzip';
import { tempBackend, value } from '../../helpers/backend';
import { entriesOf, writeZip } from '../files/zip-writer';
import { editDocument, sampleTemplate } from './template-docx';

const t = tempBackend();
afterAll(() => t.cleanup?.());
const { backend } = t;

const b64 = (b: Buffer) => b.toString('base64');
const base = { type: 'report' as const, language: 'de' as const, name: 'Our layout', by: 'Lena Lead' };
const stored = () => backend.db.prepare('SELECT count(*) FROM report_templates').pluck().get() as number;

async function refused(dataBase64: string, extra: Record<string, unknown> = {}) {
  const before = stored();
  const r = await backend.call('reportTemplates.import', { ...base, dataBase64, ...extra });
  if (r.ok) throw new Error('imported');
  expect(stored()).toBe(before);
  return r.error;
}

describe('reportTemplates.import', { timeout: 60_000 }, () => {
  it('imports the sample with nothing to report, sets it as default and removes it', async () => {
    const t1 = value(await backend.call('reportTemplates.import', { ...base, dataBase64: b64(sampleTemplate()) }));
    expect(t1).toMatchObject({ type: 'report', language: 'de', unknownPlaceholders: [], missingContents: [] });
    expect(t1.sha256).toMatch(/^[0-9a-f]{64}$/);
    const t2 = value(
      await backend.call('reportTemplates.import', { ...base, name: 'Second', dataBase64: b64(sampleTemplate()) }),
    );
    value(await backend.call('reportTemplates.setDefault', { id: t1.id, isDefault: true }));
    value(await backend.call('reportTemplates.setDefault', { id: t2.id, isDefault: true }));
    const list = value(await backend.call('reportTemplates.list', { type: 'report' }));
    expect(list.map((x) => [x.name, x.isDefault])).toEqual([
      ['Our layout', false],
      ['Second', true],
    ]);
    value(await backend.call('reportTemplates.remove', { id: t1.id }));
    value(await backend.call('reportTemplates.remove', { id: t2.id }));
    expect(stored()).toBe(0);
  });

  it('lists unknown placeholders, with the loop they sit in, and stores nothing', async () => {
    const bytes = await editDocument(sampleTemplate(), (xml) =>
      xml.replace('{clientName}', '{clientNmae}').replace('{evidence}', '{severity}'),
    );
    const e = await refused(b64(bytes));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain(
      'placeholders Fieldwork does not fill, which would print empty: clientNmae, findings › severity',
    );
  });

  it('lists the 17021-1 contents a template leaves out; accepted, it is kept with them', async () => {
    const bytes = await editDocument(sampleTemplate(), (xml) =>
      xml.replace('{recommendation}', '').replace('{unresolvedIssues}', ''),
    );
    const e = await refused(b64(bytes));
    expect(e.message).toContain(
      'it leaves out contents a report must have (ISO/IEC 17021-1 9.4.8): Issues left unresolved with the client; The recommendation on certification',
    );
    const kept = value(
      await backend.call('reportTemplates.import', { ...base, dataBase64: b64(bytes), acceptWarnings: true }),
    );
    expect(kept.missingContents.map((m) => m.key)).toEqual(['unresolved', 'recommendation']);
    value(await backend.call('reportTemplates.remove', { id: kept.id }));
  });

  it('refuses a file that is not a Word document', async () => {
    const e = await refused(b64(Buffer.from('hello, not a document')));
    expect(e.message).toBe(
      'This file is not a Word document (.docx). Save the template in Word as “Word Document (*.docx)”.',
    );
  });

  it('refuses a zip bomb having inflated little of it', async () => {
    const parts = await entriesOf(sampleTemplate());
    const bomb = writeZip([
      ...parts,
      { name: 'word/media/filler.bin', content: Buffer.alloc(100 * 1024 * 1024), declaredSize: 4096 },
    ]);
    const before = unzipWork.inflatedBytes;
    const e = await refused(b64(bomb));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('as a zip bomb does');
    expect(unzipWork.inflatedBytes - before).toBeLessThan(1024 * 1024);
  });

  it('stops a template whose loops nest into millions of copies', async () => {
    const deep = 14;
    const bytes = await editDocument(sampleTemplate(), (xml) =>
      xml.replace('{#findings}', '{#findings}'.repeat(deep)).replace('{/findings}', '{/findings}'.repeat(deep)),
    );
    const e = await refused(b64(bytes));
    expect(e.code).toBe('too_large');
    expect(e.message).toContain('repeats its loops far more than a report needs');
  });

  it('names placeholders written wrong', async () => {
    const bytes = await editDocument(sampleTemplate(), (xml) => xml.replace('{/findings}', ''));
    const e = await refused(b64(bytes));
    expect(e.message).toMatch(/^The template's placeholders are not written correctly: .*findings/);
  });
});
