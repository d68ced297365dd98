import type { OpName } from '#shared/api/ops';
import type { PackageVerification, VerifyResult } from '#shared/domain/signing';
import { withTrust } from '#shared/domain/trust';
import { DomainError } from '#shared/api/result';
import { contentHash } from '../export/content-hash';
import { reportGaps } from '../export/gaps';
import { exportJobs, issuedPath } from '../export/jobs';
import { prepareExport } from '../export/prepare';
import { collectReportModel } from '../export/report/collect';
import { readChunkOp } from '../bytes/read';
import { folderCipher } from '../crypto/file-cipher-folder';
import { readSealedFile } from '../crypto/file-cipher-io';
import { sourceFile } from '../bytes/sources';
import type { RepoContext } from '../repos/context';
import { getReportDetails, saveReportDetails } from '../repos/report-details';
import { getIssue, latestIssue, listIssues } from '../repos/report-issues';
import { signerTrust } from '../repos/trusted-certs';
import { verifyPackage } from '../signing/package-verify';
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import type { Handlers, Tx } from './types';

type ReportOps = Extract<OpName, `reports.${string}` | `exports.${string}`>;

/** The maths of an issued file's signature; a damaged store is a finding of the check, not a failure of it. */
async function verifyIssued(bytes: Buffer): Promise<PackageVerification> {
  try {
    return await verifyPackage(bytes);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { status: 'invalid', signer: null, signedAt: null, problems: [e.message] };
  }
}

export function reportHandlers(ctx: RepoContext, tx: Tx): Pick<Handlers, ReportOps> {
  const jobs = exportJobs(ctx);
  return {
    'reports.get': tx(({ auditId }) => {
      const details = getReportDetails(ctx, auditId);
      const issues = listIssues(ctx, auditId);
      const hash =
        issues.length > 0
          ? contentHash(collectReportModel(ctx, auditId, { reportNumber: '', version: 0, signOff: null }))
          : '';
      const changed = (kind: 'report' | 'nc_list') => {
        const latest = latestIssue(ctx, auditId, kind);
        return latest ? latest.content_hash !== hash : null;
      };
      return {
        auditId,
        details,
        issues,
        changedSinceIssue: { report: changed('report'), nc_list: changed('nc_list') },
        gaps: reportGaps(ctx, auditId, details),
      };
    }),
    'reports.saveDetails': tx(({ auditId, details, by }) => saveReportDetails(ctx, auditId, details, by)),
    'reports.readIssue': ({ issueId, offset, length }) =>
      readChunkOp(sourceFile(ctx, tx, { kind: 'issue', issueId }), offset, length),
    'reports.verify': async ({ issueId }): Promise<VerifyResult> => {
      const issue = tx(() => getIssue(ctx, issueId))(undefined);
      let bytes: Buffer;
      try {
        const cipher = folderCipher(ctx);
        const path = issuedPath(ctx.dataDir, issue.sha256, cipher);
        bytes = cipher ? await readSealedFile(path, cipher.file) : await readFile(path);
      } catch {
        return {
          status: 'invalid' as const,
          signer: null,
          signedAt: null,
          problems: ['The issued file is missing from the data folder.'],
          trust: null,
        };
      }
      const checked = withTrust(await verifyIssued(bytes), (fp) => tx(() => signerTrust(ctx, fp))(undefined));
      if (createHash('sha256').update(bytes).digest('hex') !== issue.sha256) {
        return {
          ...checked,
          status: 'invalid' as const,
          problems: ['The stored file no longer matches the SHA-256 recorded when it was issued.', ...checked.problems],
        };
      }
      return checked;
    },
    // Preparing reads the database (and unlocks the key) in one transaction; the build runs in a worker.
    'exports.start': async (input) => jobs.start(input.auditId, tx(() => prepareExport(ctx, input))(undefined)),
    'exports.status': ({ jobId }) => jobs.status(jobId),
    'exports.cancel': ({ jobId }) => jobs.cancel(jobId),
    'exports.read': ({ jobId, offset, length }) =>
      readChunkOp(sourceFile(ctx, tx, { kind: 'export', jobId }), offset, length),
  };
}
