import { z } from 'zod';
import { Id, text } from './common';

/**
 * What an attachment can be linked to. 'audit' is the audit's own evidence
 * library (e.g. a bulk import from a camera card); 'finding' arrives with the
 * findings issue. An attachment left with no link at all is deleted, and its
 * file is collected once no attachment anywhere refers to it.
 */
/** 'finding' links objective evidence; 'finding_verification' the evidence that a finding's correction worked. */
export const EVIDENCE_TARGETS = [
  'audit',
  'checklist_item',
  'interview',
  'observation',
  'finding',
  'finding_verification',
] as const;
export const EvidenceTargetType = z.enum(EVIDENCE_TARGETS, { error: 'Unknown attachment target' });
export type EvidenceTargetType = z.infer<typeof EvidenceTargetType>;
export const EvidenceTarget = z.strictObject({ type: EvidenceTargetType, id: Id });
export type EvidenceTarget = z.infer<typeof EvidenceTarget>;

export const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 digest');

export const Evidence = z.object({
  id: Id,
  auditId: Id,
  sha256: Sha256,
  /** The file's name as given, made safe (no path parts, control characters or excess length). */
  originalName: z.string(),
  mediaType: z.string(),
  size: z.number().int(),
  /** When the photo was taken (EXIF), if the file says. */
  capturedAt: z.string().nullable(),
  addedBy: z.string(),
  description: z.string(),
  hasThumbnail: z.boolean(),
  links: z.array(z.object({ type: EvidenceTargetType, id: Id })),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

/** Largest single file accepted (a long video from a phone is well below). */
export const EVIDENCE_MAX_BYTES = 64 * 1024 ** 3;
/** Bytes per upload chunk; base64 keeps each request under the preview host's 8 MiB body limit. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** Largest chunk read back for viewing. */
export const READ_CHUNK_BYTES = 4 * 1024 * 1024;

const base64Chunk = z
  .string()
  .max(Math.ceil(UPLOAD_CHUNK_BYTES / 3) * 4, 'Chunk larger than 4 MiB')
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'Chunk is not base64');

export const UploadBeginInput = z.strictObject({
  auditId: Id,
  /** The name as the browser or OS gave it; the backend makes it safe and says so if it had to. */
  name: z.string().max(4096, 'File name is too long'),
  size: z.number().int().min(0).max(EVIDENCE_MAX_BYTES, 'File is larger than 64 GiB'),
  /** The browser's guess; the backend sniffs the content and prefers what it finds. */
  mediaType: text(200).default(''),
});
export const UploadBegin = z.object({ uploadId: z.string(), chunkBytes: z.number().int() });

export const UploadChunkInput = z.strictObject({
  uploadId: z.string().min(1).max(100),
  /** Where this chunk starts; chunks must arrive in order. */
  offset: z.number().int().min(0),
  dataBase64: base64Chunk,
});
export const UploadChunk = z.object({ received: z.number().int() });

export const UploadCommitInput = z.strictObject({
  uploadId: z.string().min(1).max(100),
  description: text(5000, 'Description').default(''),
  addedBy: text(200, 'Added by').default(''),
  /** At least one: where the attachment belongs. Targets must be in the upload's audit. */
  links: z.array(EvidenceTarget).min(1, 'Link the attachment to something').max(100),
});
export const UploadCommit = z.object({
  evidence: Evidence,
  /** True when this audit already held the same file: nothing new was stored, links were added. */
  duplicate: z.boolean(),
  /** Set when the name had to be changed to be safe, saying how. */
  renamed: z.string().nullable(),
});
export type UploadCommit = z.infer<typeof UploadCommit>;

export const EvidenceListInput = z.strictObject({ auditId: Id, target: EvidenceTarget.optional() });
export const EvidenceUpdateInput = z.strictObject({
  id: Id,
  description: text(5000, 'Description'),
});
export const EvidenceLinkInput = z.strictObject({
  id: Id,
  target: EvidenceTarget,
  /** Who links or removes it: a finding's history records attachment changes by name. */
  by: text(200, 'By').default(''),
});
export const EvidenceUnlink = z.object({
  /** Null when that was the attachment's last link and it was deleted. */
  evidence: Evidence.nullable(),
});

export const EvidenceReadInput = z.strictObject({
  id: Id,
  offset: z.number().int().min(0),
  length: z.number().int().min(1).max(READ_CHUNK_BYTES),
});
export const EvidenceRead = z.object({ dataBase64: z.string(), size: z.number().int(), eof: z.boolean() });
export const Thumbnail = z.object({ mediaType: z.string(), dataBase64: z.string() }).nullable();
