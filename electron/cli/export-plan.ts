import { exportLanguages, type LangOptions } from './lang';
import { describeJob, exportToFile, issueRequest, type SignOptions } from './export-file';
import { openExistingForCli, resolveDataDir } from './open';

export interface ExportPlanOptions extends SignOptions, LangOptions {
  dataDir?: string;
  audit: string;
  out: string;
  progress?: boolean;
}

/**
 * `fieldwork export-plan`: the audit plan as DOCX for the client; with --sign,
 * signed by the lead auditor (not issued: the plan has no report number).
 */
export async function exportPlanCommand(o: ExportPlanOptions): Promise<void> {
  const backend = openExistingForCli(resolveDataDir(o.dataDir));
  try {
    const issue = await issueRequest(backend, o.audit, o);
    const job = await exportToFile(
      backend,
      { ...exportLanguages(o), auditId: o.audit, kind: 'plan', format: 'docx', ...(issue ? { issue } : {}) },
      o.out,
      o.progress ?? false,
    );
    process.stdout.write(describeJob(job, o.out));
    if (issue) process.stdout.write(`Signed by ${issue.by}; check it with: fieldwork verify "${o.out}"\n`);
  } finally {
    backend.close();
  }
}
