import { z } from 'zod';
import { Download, DownloadInput } from '../../domain/bytes';
import {
  Evidence,
  EvidenceLinkInput,
  EvidenceListInput,
  EvidenceRead,
  EvidenceReadInput,
  EvidenceUnlink,
  EvidenceUpdateInput,
  Thumbnail,
  UploadBegin,
  UploadBeginInput,
  UploadChunk,
  UploadChunkInput,
  UploadCommit,
  UploadCommitInput,
} from '../../domain/evidence';
import { EvidencePage, EvidencePageQuery } from '../../domain/evidence-page';
import {
  UploadBeginMany,
  UploadBeginManyInput,
  UploadCommitMany,
  UploadCommitManyInput,
} from '../../domain/evidence-batch';
import { PathImport, PathImportInput, PathImportRef, PathImportStatus } from '../../domain/evidence-paths';
import { SearchHit, SearchInput, SearchPage, SearchPageQuery } from '../../domain/search';
import { ById, Nothing, Deleted } from './common';
import type { OpShapes } from './common';

/** Evidence files (uploads, imports by path, links), byte downloads and search. */
export const evidenceOps = {
  /** Evidence files arrive in ordered chunks: begin, chunk…, then commit (or abort to cancel). */
  'evidence.uploadBegin': { input: UploadBeginInput, output: UploadBegin },
  'evidence.uploadChunk': { input: UploadChunkInput, output: UploadChunk },
  'evidence.uploadCommit': { input: UploadCommitInput, output: UploadCommit },
  'evidence.uploadAbort': { input: z.strictObject({ uploadId: z.string().min(1).max(100) }), output: Nothing },
  /** The same for a group of files: one begin and one commit per group, each file answered on its own. */
  'evidence.uploadBeginMany': { input: UploadBeginManyInput, output: UploadBeginMany },
  'evidence.uploadCommitMany': { input: UploadCommitManyInput, output: UploadCommitMany },
  /**
   * Desktop only, sent by the main process alone (MAIN_ONLY_OPS): files the user chose, read from disk by the
   * backend; answers once every file is in or refused. Its progress and Cancel by the app's import id.
   */
  'evidence.importPaths': { input: PathImportInput, output: PathImport },
  'evidence.importStatus': { input: PathImportRef, output: PathImportStatus },
  'evidence.importCancel': { input: PathImportRef, output: Nothing },
  'evidence.list': { input: EvidenceListInput, output: z.array(Evidence) },
  /** The evidence library: an audit's attachments a page at a time, filtered in SQL. */
  'evidence.page': { input: EvidencePageQuery, output: EvidencePage },
  'evidence.get': { input: ById, output: Evidence },
  'evidence.update': { input: EvidenceUpdateInput, output: Evidence },
  'evidence.link': { input: EvidenceLinkInput, output: Evidence },
  'evidence.unlink': { input: EvidenceLinkInput, output: EvidenceUnlink },
  'evidence.delete': { input: ById, output: Deleted },
  'evidence.read': { input: EvidenceReadInput, output: EvidenceRead },
  /** A file an operation may hand out, offered for streaming through the transport's byte channel (`/bytes/<id>`). */
  'bytes.download': { input: DownloadInput, output: Download },
  'evidence.thumbnail': { input: ById, output: Thumbnail },
  /** Desktop only: the main process opens the file with the OS's app; elsewhere 'unsupported'. */
  'evidence.openExternal': { input: ById, output: Nothing },
  /** Desktop only: a read-only copy shown in the file manager (for files Fieldwork will not open). */
  'evidence.showInFolder': { input: ById, output: Nothing },

  'search.query': { input: SearchInput, output: z.array(SearchHit) },
  /** The search palette: the same ranking a page at a time, the count on the first page. */
  'search.page': { input: SearchPageQuery, output: SearchPage },
} as const satisfies OpShapes;
