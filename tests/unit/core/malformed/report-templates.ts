import { readFileSync } from 'node:fs';
import { newId } from '#core/ids';
import { value } from '../../../helpers/backend';
import type { MalformedExtension } from './types';

const SAMPLE = readFileSync('resources/report-templates/sample-report.docx').toString('base64');

/** The certification body's Word templates (issue 17 §3). */
export const reportTemplateCases: MalformedExtension = {
  async seed(backend) {
    const t = value(
      await backend.call('reportTemplates.import', {
        type: 'report',
        language: 'en',
        name: 'Seeded',
        dataBase64: SAMPLE,
      }),
    );
    return { reportTemplateId: t.id };
  },

  valid: (w) => ({
    'reportTemplates.list': { type: 'report', language: 'en' },
    'reportTemplates.import': { type: 'nc-list', language: 'fr', name: 'Liste', dataBase64: SAMPLE },
    'reportTemplates.remove': { id: w.x.reportTemplateId },
    'reportTemplates.setDefault': { id: w.x.reportTemplateId },
  }),

  cases: () => {
    const ok = { type: 'report', language: 'en', name: 'T', dataBase64: SAMPLE };
    return {
      'reportTemplates.list': [
        ['an unknown type', { type: 'letter' }],
        ['an unknown language', { language: 'es' }],
      ],
      'reportTemplates.import': [
        ['a file that is not Word', { ...ok, dataBase64: Buffer.from('plain text').toString('base64') }],
        ['an empty file', { ...ok, dataBase64: '' }],
        ['not base64', { ...ok, dataBase64: '***' }],
        ['a blank name', { ...ok, name: '   ' }],
        ['type nc_list (the export kind, not the template type)', { ...ok, type: 'nc_list' }],
        ['language es', { ...ok, language: 'es' }],
        ['over 5 MB', { ...ok, dataBase64: 'A'.repeat(7_200_000) }],
      ],
      'reportTemplates.remove': [
        ['an unknown id', { id: newId() }, 'not_found'],
        ['a non-v7 id', { id: 'abc' }],
      ],
      'reportTemplates.setDefault': [
        ['an unknown id', { id: newId(), isDefault: true }, 'not_found'],
        ['isDefault as a string', { id: newId(), isDefault: 'yes' }],
      ],
    };
  },
};
