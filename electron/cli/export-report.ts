import { exportLanguages, type LangOptions } from './lang';
import { describeJob, exportToFile, issueRequest, type SignOptions } from './export-file';
import { UserError } from './errors';
import { openExistingForCli, resolveDataDir } from './open';

export interface ExportReportOptions extends SignOptions, LangOptions {
  dataDir?: string;
  audit: string;
  out: string;
  progress?: boolean;
  /** Why the report is issued although the issue gates list gaps (with --sign). */
  overrideReason?: string;
  /** A report template's id or 'builtin' (report-templates/); absent: the default template, else built-in. */
  template?: string;
  /** Issue in a template that lacks required report contents. */
  confirmTemplate?: boolean;
}

/**
 * `fieldwork export-report`: the audit report as DOCX; with --sign it is issued
 * (frozen as the next version) and signed by the lead auditor's identity. The
 * backend refuses issuing while the issue gates list gaps, unless
 * --override-reason says why (kept in the audit trail, printed in the report).
 */
export async function exportReportCommand(o: ExportReportOptions): Promise<void> {
  if (o.overrideReason !== undefined && !o.sign) {
    throw new UserError('--override-reason applies only when issuing, with --sign. Nothing was written.', 2);
  }
  const backend = openExistingForCli(resolveDataDir(o.dataDir));
  try {
    const request = await issueRequest(backend, o.audit, o);
    const issue =
      request && o.overrideReason !== undefined ? { ...request, overrideReason: o.overrideReason } : request;
    const job = await exportToFile(
      backend,
      {
        ...exportLanguages(o),
        auditId: o.audit,
        kind: 'report',
        format: 'docx',
        ...(issue ? { issue } : {}),
        ...(o.template !== undefined ? { template: o.template } : {}),
        ...(o.confirmTemplate ? { templateConfirmed: true } : {}),
      },
      o.out,
      o.progress ?? false,
    );
    process.stdout.write(describeJob(job, o.out));
  } finally {
    backend.close();
  }
}
