import { describeJob, exportToFile, issueRequest, type SignOptions } from './export-file';
import { openExistingForCli, resolveDataDir } from './open';

export interface ExportReportOptions extends SignOptions {
  dataDir?: string;
  audit: string;
  out: string;
  progress?: boolean;
}

/**
 * `fieldwork export-report`: the audit report as DOCX; with --sign it is issued
 * (frozen as the next version) and signed by the lead auditor's identity.
 */
export async function exportReportCommand(o: ExportReportOptions): Promise<void> {
  const backend = openExistingForCli(resolveDataDir(o.dataDir));
  try {
    const issue = await issueRequest(backend, o.audit, o);
    const job = await exportToFile(
      backend,
      { auditId: o.audit, kind: 'report', format: 'docx', ...(issue ? { issue } : {}) },
      o.out,
      o.progress ?? false,
    );
    process.stdout.write(describeJob(job, o.out));
  } finally {
    backend.close();
  }
}
