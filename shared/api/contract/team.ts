import { z } from 'zod';
import { FileChunk, FileChunkInput } from '../../domain/report';
import {
  ConflictListInput,
  ConflictPage,
  ConflictResolveInput,
  ImportPreview,
  MergeSummary,
  TeamExportEstimate,
  TeamEstimateInput,
  TeamExportInput,
  TeamExportResult,
  TeamImportInput,
  TeamJob,
  TeamJobRef,
  TeamStatus,
  TeamUploadBegin,
  TeamUploadChunk,
  TeamUploadRef,
} from '../../domain/team';
import { Id } from '../../domain/common';
import { Nothing } from './common';
import type { OpShapes } from './common';

/** Team packages between laptops: export, upload, preview, import, and the conflicts a merge leaves. */
export const teamOps = {
  /**
   * Team audits (issue 13). The lead sends the audit out as a signed package,
   * auditors return what changed, the lead merges: export writes the package
   * into this session's exports folder (read it with team.read); import sends
   * a package in ordered chunks, previews it (nothing written) and imports it
   * in one transaction.
   */
  'team.status': { input: z.strictObject({ auditId: Id }), output: TeamStatus },
  'team.estimate': { input: TeamEstimateInput, output: TeamExportEstimate },
  'team.export': { input: TeamExportInput, output: TeamExportResult },
  'team.read': { input: FileChunkInput.extend({ fileId: z.string().min(1).max(100) }), output: FileChunk },
  'team.uploadBegin': { input: TeamUploadBegin, output: z.object({ uploadId: z.string(), chunkBytes: z.number() }) },
  'team.uploadChunk': { input: TeamUploadChunk, output: z.object({ received: z.number().int() }) },
  'team.uploadAbort': { input: TeamUploadRef, output: Nothing },
  'team.preview': { input: TeamUploadRef, output: ImportPreview },
  'team.import': { input: TeamImportInput, output: MergeSummary },
  /** The Team tab's preview and import as jobs: progress, and cancel until the merge runs. */
  'team.previewStart': { input: TeamUploadRef, output: TeamJob },
  'team.importStart': { input: TeamImportInput, output: TeamJob },
  'team.jobStatus': { input: TeamJobRef, output: TeamJob },
  'team.jobCancel': { input: TeamJobRef, output: TeamJob },
  /** Open conflicts of an audit, paged; resolve one by choosing a value, a combined text, keep or delete. */
  'conflicts.list': { input: ConflictListInput, output: ConflictPage },
  'conflicts.resolve': {
    input: ConflictResolveInput,
    output: z.object({ remaining: z.number().int().nonnegative() }),
  },
} as const satisfies OpShapes;
