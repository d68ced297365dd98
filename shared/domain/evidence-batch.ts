import { z } from 'zod';
import { ERROR_CODES } from '../api/result';
import { Id } from './common';
import { UploadBeginInput, UploadCommit, UploadCommitInput } from './evidence';

/**
 * Uploads of many files at once (issue 20): one round trip begins a group of
 * files and one commits the group, so a camera card of small photos costs one
 * byte-channel PUT per file and a few operations per group, not three
 * operations per file. Each file answers for itself: one refused file does not
 * refuse the others.
 */

/** Files begun or committed by one call: enough to make round trips rare, few enough to answer quickly. */
export const UPLOAD_GROUP_MAX = 64;

/** A file's own refusal inside a group's answer (the envelope's error, without field issues). */
const ItemError = z.object({ code: z.enum(ERROR_CODES), message: z.string() });
const itemResult = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: ItemError }),
  ]);

export const UploadBeginManyInput = z.strictObject({
  auditId: Id,
  files: z
    .array(UploadBeginInput.omit({ auditId: true }))
    .min(1, 'Name at least one file')
    .max(UPLOAD_GROUP_MAX, `At most ${UPLOAD_GROUP_MAX} files at once`),
  /**
   * Also open one stream for all the begun files' bytes, back to back in the
   * order of `files` (those refused left out): small files then cost one
   * byte-channel request per group instead of one each.
   */
  oneStream: z.boolean().default(false),
});
export const UploadBeginMany = z.object({
  chunkBytes: z.number().int(),
  /** In the order of `files`. */
  uploads: z.array(itemResult(z.object({ uploadId: z.string() }))),
  /** The stream's upload id, when asked for and at least one file was begun; each file is still committed by its own id. */
  streamId: z.string().nullable(),
});

export const UploadCommitManyInput = z.strictObject({
  uploads: z
    .array(UploadCommitInput)
    .min(1, 'Name at least one upload')
    .max(UPLOAD_GROUP_MAX, `At most ${UPLOAD_GROUP_MAX} uploads at once`),
});
export const UploadCommitMany = z.object({
  /** In the order of `uploads`; the written rows were committed together. */
  results: z.array(itemResult(UploadCommit)),
});
export type UploadCommitMany = z.infer<typeof UploadCommitMany>;
