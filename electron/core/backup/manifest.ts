import { z } from 'zod';
import { BackupCounts, BackupReason } from '#shared/domain/backup';

/** The one name a member may have in a backup, and what each holds. */
export const DATABASE_MEMBER = 'fieldwork.sqlite';
export const DEVICE_MEMBER = 'device-id';
export const MANIFEST_MEMBER = 'manifest.json';
/** An encrypted folder's key file (the data key only wrapped): a backup of one opens with its passphrase. */
export const KEY_MEMBER = 'fieldwork.key';
const SHA = '[0-9a-f]{64}';
/** Evidence files and thumbnails by content address, issued report copies by theirs: nothing else is accepted. */
export const MEMBER_PATH = new RegExp(
  `^(?:${DATABASE_MEMBER}|${DEVICE_MEMBER}|${KEY_MEMBER}|evidence/blobs/[0-9a-f]{2}/${SHA}|evidence/thumbs/[0-9a-f]{2}/${SHA}\\.jpg|reports/${SHA}\\.docx)$`,
);

export const BACKUP_FORMAT = 1;

export const ManifestMember = z.strictObject({
  path: z.string().regex(MEMBER_PATH),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(new RegExp(`^${SHA}$`)),
});
export type ManifestMember = z.infer<typeof ManifestMember>;

export const BackupManifest = z.strictObject({
  app: z.literal('fieldwork'),
  format: z.number().int().positive(),
  createdAt: z.string(),
  reason: BackupReason,
  appVersion: z.string().max(100),
  schemaVersion: z.number().int().nonnegative(),
  counts: BackupCounts,
  members: z.array(ManifestMember),
});
export type BackupManifest = z.infer<typeof BackupManifest>;
