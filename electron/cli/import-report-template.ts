import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import {
  REPORT_TEMPLATE_MAX_BYTES,
  REPORT_TEMPLATE_TYPES,
  type ReportTemplateType,
} from '#shared/domain/report-templates';
import { isLanguage, LANGUAGES } from '#shared/i18n/languages';
import { UserError } from './errors';
import { must, openForCli, resolveDataDir } from './open';

export interface ImportReportTemplateOptions {
  dataDir?: string;
  type: string;
  lang: string;
  name?: string;
  acceptWarnings?: boolean;
  default?: boolean;
  by?: string;
}

function readDocx(file: string): Buffer {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UserError(`${file} is not a file. Nothing was imported.`, 2);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT'
        ? `${file} does not exist. Nothing was imported.`
        : `Cannot read ${file} (${code ?? 'unknown error'}).`,
      2,
    );
  }
  if (size > REPORT_TEMPLATE_MAX_BYTES) {
    throw new UserError(`${file} is larger than 5 MB; a Word template is far smaller. Nothing was imported.`, 2);
  }
  return readFileSync(file);
}

/**
 * `fieldwork import-report-template FILE.docx --type report|nc-list|plan --lang xx`:
 * the backend checks the template (trial render, unknown placeholders, missing
 * report contents) and refuses it in words, listing what it found, unless
 * --accept-warnings; --default makes it the default of its type and language.
 */
export async function importReportTemplateCommand(file: string, o: ImportReportTemplateOptions): Promise<void> {
  if (!(REPORT_TEMPLATE_TYPES as readonly string[]).includes(o.type)) {
    throw new UserError(`--type must be ${REPORT_TEMPLATE_TYPES.join(', ')}; "${o.type}" is none of them.`, 2);
  }
  if (!isLanguage(o.lang))
    throw new UserError(`--lang must be ${LANGUAGES.join(', ')}; "${o.lang}" is none of them.`, 2);
  const bytes = readDocx(file);
  const backend = openForCli(resolveDataDir(o.dataDir));
  try {
    const t = must(
      await backend.call('reportTemplates.import', {
        type: o.type as ReportTemplateType,
        language: o.lang,
        name: o.name ?? basename(file, extname(file)),
        dataBase64: bytes.toString('base64'),
        acceptWarnings: o.acceptWarnings ?? false,
        by: o.by ?? '',
      }),
    );
    if (o.default) must(await backend.call('reportTemplates.setDefault', { id: t.id, isDefault: true }));
    const lines = [`Imported report template ${t.name} (${t.id}), ${t.type} in ${t.language}, SHA-256 ${t.sha256}.`];
    if (t.unknownPlaceholders.length > 0)
      lines.push(`Unknown placeholders (print empty): ${t.unknownPlaceholders.join(', ')}`);
    for (const m of t.missingContents) lines.push(`Missing report content: ${m.label}`);
    if (o.default) lines.push(`It is now the default for ${t.type} in ${t.language}.`);
    process.stdout.write(`${lines.join('\n')}\n`);
  } finally {
    backend.close();
  }
}
