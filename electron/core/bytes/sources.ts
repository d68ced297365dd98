import type { OpParsed } from '#shared/api/contract';
import { evidenceService } from '../evidence/service';
import { exportJobs, issuedPath } from '../export/jobs';
import type { RepoContext } from '../repos/context';
import { evidenceFile } from '../repos/evidence';
import { getIssue } from '../repos/report-issues';
import { teamFiles } from '../sync/team-files';
import type { Tx } from '../handlers/types';
import type { ReadableFile } from './read';

export type DownloadSource = OpParsed<'bytes.download'>;

/**
 * The file behind each kind of download, found the way its operation finds it
 * (so `bytes.download` and the chunked read ops refuse the same things): an
 * attachment, a produced export, an issued report version, a team package.
 */
export function sourceFile(ctx: RepoContext, tx: Tx, source: DownloadSource): ReadableFile {
  switch (source.kind) {
    case 'evidence': {
      const file = tx(() => evidenceFile(ctx, source.id))(undefined);
      return { path: evidenceService(ctx).store.blobPath(file.sha256), size: file.size };
    }
    case 'export':
      return exportJobs(ctx).file(source.jobId);
    case 'issue': {
      const issue = tx(() => getIssue(ctx, source.issueId))(undefined);
      return { path: issuedPath(ctx.dataDir, issue.sha256), size: issue.size };
    }
    case 'team': {
      const f = teamFiles(ctx).get(source.fileId);
      return { path: f.path, size: f.size };
    }
  }
}
