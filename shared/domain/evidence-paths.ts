import { z } from 'zod';
import { Id, text } from './common';
import { EvidenceTarget } from './evidence';
import { UploadCommitMany } from './evidence-batch';

/**
 * Evidence imported by path (issue 20): in the desktop app the backend reads
 * the files the user chose or dropped itself, at disk speed, instead of
 * receiving their bytes from the browser. The paths come from the preload
 * (Electron's webUtils.getPathForFile on the File objects the user gave), never
 * from the page's scripts, and only the main process sends this operation:
 * the renderer's generic `invoke` and the preview host refuse it
 * (MAIN_ONLY_OPS, shared/api/ops.ts).
 */

/** Files of one import: a camera card's worth; the app sends larger choices in several imports. */
export const IMPORT_PATHS_MAX = 1000;

/** An import's own id, chosen by the app, so it can follow (importStatus) and cancel (importCancel) it. */
const ImportId = z.string().min(1).max(100);

/** What the renderer says about an import (the preload adds the paths). */
export const PathImportTarget = z.strictObject({
  importId: ImportId,
  auditId: Id,
  /** At least one: where the attachments belong. Targets must be in the audit. */
  links: z.array(EvidenceTarget).min(1, 'Link the attachments to something').max(100),
  description: text(5000, 'Description').default(''),
  addedBy: text(200, 'Added by').default(''),
});
export type PathImportTarget = z.input<typeof PathImportTarget>;

export const PathImportInput = PathImportTarget.extend({
  paths: z
    .array(z.string().min(1, 'A path is empty').max(4096, 'A path is too long'))
    .min(1, 'Name at least one file')
    .max(IMPORT_PATHS_MAX, `At most ${IMPORT_PATHS_MAX} files at once`),
});

/** In the order of `paths`: each file added (or already there), or refused with words naming it. */
export const PathImport = UploadCommitMany;
export type PathImport = z.infer<typeof PathImport>;

export const PathImportRef = z.strictObject({ importId: ImportId });

/** How far an import is; null when no import of that id is running (not begun yet, or finished). */
export const PathImportStatus = z
  .object({
    filesDone: z.number().int(),
    filesTotal: z.number().int(),
    bytesDone: z.number().int(),
    bytesTotal: z.number().int(),
  })
  .nullable();
export type PathImportStatus = z.infer<typeof PathImportStatus>;
