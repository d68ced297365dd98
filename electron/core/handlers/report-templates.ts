import { createHash } from 'node:crypto';
import type { OpName } from '#shared/api/ops';
import { DomainError } from '#shared/api/result';
import { checkTemplate } from '../report-templates/check';
import {
  importWarnings,
  insertReportTemplate,
  listReportTemplates,
  removeReportTemplate,
  setDefaultReportTemplate,
} from '../report-templates/repo';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';

type TemplateOps = Extract<OpName, `reportTemplates.${string}`>;

/**
 * The certification body's Word templates (report-templates/). An import is
 * checked — unpacked within limits, compiled, rendered once with a sample
 * audit — before its transaction; a refusal stores nothing.
 */
export const reportTemplateHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, TemplateOps> => ({
  'reportTemplates.list': tx((input) => listReportTemplates(ctx, input)),
  'reportTemplates.import': async (input) => {
    const bytes = Buffer.from(input.dataBase64, 'base64');
    if (bytes.length === 0)
      throw new DomainError('invalid_input', 'The file is empty; choose a Word document (.docx).');
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const check = await checkTemplate(bytes, input.type, input.language, sha256);
    const warnings = importWarnings(check);
    if (warnings && !input.acceptWarnings) {
      throw new DomainError('invalid_input', warnings, [
        ...check.unknownPlaceholders.map((p, i) => ({ path: ['unknownPlaceholders', i], message: p })),
        ...check.missingContents.map((m, i) => ({ path: ['missingContents', i], message: m.label })),
      ]);
    }
    return tx(() => insertReportTemplate(ctx, input, bytes, check))(undefined);
  },
  'reportTemplates.remove': tx(({ id }) => removeReportTemplate(ctx, id)),
  'reportTemplates.setDefault': tx(({ id, isDefault }) => setDefaultReportTemplate(ctx, id, isDefault)),
});
