import type { OpParsed } from '#shared/api/contract';
import { evidenceService } from '../evidence/service';
import { exportJobs, issuedPath } from '../export/jobs';
import type { RepoContext } from '../repos/context';
import { evidenceFile } from '../repos/evidence';
import { getIssue } from '../repos/report-issues';
import { teamFiles } from '../sync/team-files';
import type { Tx } from '../handlers/types';
import type { ReadableFile } from './read';
import { folderCipher } from '../crypto/file-cipher-folder';

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
      const { store } = evidenceService(ctx);
      return { path: store.blobPath(file.sha256), size: file.size, key: store.cipher?.file ?? null };
    }
    case 'export':
      return exportJobs(ctx).file(source.jobId);
    case 'issue': {
      const issue = tx(() => getIssue(ctx, source.issueId))(undefined);
      const cipher = folderCipher(ctx);
      return { path: issuedPath(ctx.dataDir, issue.sha256, cipher), size: issue.size, key: cipher?.file ?? null };
    }
    case 'team': {
      const f = teamFiles(ctx).get(source.fileId);
      return { path: f.path, size: f.size, key: f.key ?? null };
    }
  }
}
