import { exportLanguages, type LangOptions } from './lang';
import { describeJob, exportToFile, issueRequest, type SignOptions } from './export-file';
import { UserError } from './errors';
import { openExistingForCli, resolveDataDir } from './open';

export interface ExportNcListOptions extends SignOptions, LangOptions {
  dataDir?: string;
  audit: string;
  format: string;
  out: string;
  progress?: boolean;
}

const FORMATS = ['docx', 'xlsx', 'csv'] as const;
type Format = (typeof FORMATS)[number];

/**
 * `fieldwork export-nc-list`: the audit's issued findings, one row each — a
 * DOCX working document for the client (signable), or XLSX/CSV for systems.
 */
export async function exportNcListCommand(o: ExportNcListOptions): Promise<void> {
  const format = o.format.toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UserError(`Unknown format "${o.format}": use docx, xlsx or csv. Nothing was written.`, 2);
  }
  if (o.sign && format !== 'docx') throw new UserError('Only DOCX files can be signed. Nothing was written.', 2);
  const backend = openExistingForCli(resolveDataDir(o.dataDir));
  try {
    const issue = await issueRequest(backend, o.audit, o);
    const job = await exportToFile(
      backend,
      {
        ...exportLanguages(o),
        auditId: o.audit,
        kind: 'nc_list',
        format: format as Format,
        ...(issue ? { issue } : {}),
      },
      o.out,
      o.progress ?? false,
    );
    process.stdout.write(describeJob(job, o.out));
  } finally {
    backend.close();
  }
}
