import { z } from 'zod';

/**
 * Backups of a data folder (issue 15): one file each in the folder's
 * `backups/`, holding the database, the evidence files and issued report
 * copies, with a manifest of what it holds.
 */

/** Why a backup was made: asked for, the first start of a day, before a migration, before a team package import. */
export const BACKUP_REASONS = ['manual', 'daily', 'migration', 'import'] as const;
export const BackupReason = z.enum(BACKUP_REASONS);
export type BackupReason = z.infer<typeof BackupReason>;

/** A backup's file name: when (UTC, sortable), why, and four random hex digits so two in one millisecond differ. */
export const BACKUP_NAME =
  /^fieldwork-backup-\d{8}-\d{6}-\d{3}-(?:manual|daily|migration|import)-[0-9a-f]{4}\.fwbackup$/;
export const BackupId = z.string().max(100).regex(BACKUP_NAME, 'Not the name of a Fieldwork backup');

export const BackupCounts = z.object({
  clients: z.number().int().nonnegative(),
  audits: z.number().int().nonnegative(),
  findings: z.number().int().nonnegative(),
  evidenceFiles: z.number().int().nonnegative(),
  evidenceBytes: z.number().int().nonnegative(),
  reports: z.number().int().nonnegative(),
  /** Files the database refers to that were not in the data folder when the backup was made (0 when all were). */
  missingFiles: z.number().int().nonnegative(),
});
export type BackupCounts = z.infer<typeof BackupCounts>;

export const BackupSummary = z.object({
  id: BackupId,
  createdAt: z.string(),
  reason: BackupReason,
  appVersion: z.string(),
  schemaVersion: z.number().int(),
  /** The backup file's size in bytes. */
  size: z.number().int().nonnegative(),
  counts: BackupCounts,
  /** Made from an encrypted data folder: it holds that folder's key file (the key wrapped, never the key). */
  encrypted: z.boolean().optional(),
  /** Encrypted with a key this data folder does not have: restoring it asks for its folder's passphrase. */
  needsPassphrase: z.boolean().optional(),
});
export type BackupSummary = z.infer<typeof BackupSummary>;

export const BACKUP_KEEP_MAX = 1000;
export const BACKUP_KEEP_DEFAULT = 30;
export const BackupSettings = z.strictObject({
  /** How many backups are kept; the oldest beyond it are deleted after each new one. */
  keep: z.number().int().min(1).max(BACKUP_KEEP_MAX),
});
export type BackupSettings = z.infer<typeof BackupSettings>;

export const BackupList = z.object({
  /** The folder they are in, to show the user. */
  folder: z.string(),
  keep: z.number().int(),
  /** Newest first. */
  backups: z.array(BackupSummary),
  /** What the check of a large database, run in the background after it opened, found wrong (null: nothing). */
  databaseProblem: z.string().nullable(),
  /** Files named like backups whose manifest cannot be read. */
  unreadable: z.array(z.object({ id: BackupId, size: z.number().int().nonnegative(), problem: z.string() })),
});
export type BackupList = z.infer<typeof BackupList>;

export const BackupCreateInput = z.strictObject({
  /** 'daily' makes one only when none was made in the last 24 hours (the app asks at start-up). */
  reason: z.enum(['manual', 'daily']).default('manual'),
});

export const BackupRestoreInput = z.strictObject({
  backupId: BackupId,
  /** A folder that does not exist yet (or is empty), named by the user; its parent must exist. */
  targetDir: z.string().trim().min(1, 'Name the new folder').max(4096),
  /**
   * The passphrase of the data folder the backup was made from, for an encrypted backup this folder's key does not
   * open (`needsPassphrase`); checked before anything is copied.
   */
  passphrase: z.string().max(1024).optional(),
});

export const BACKUP_JOB_STATES = ['running', 'done', 'skipped', 'failed', 'cancelled'] as const;
export const BackupJob = z.object({
  id: z.string(),
  kind: z.enum(['backup', 'restore']),
  /** 'skipped': a daily backup that was not due. */
  state: z.enum(BACKUP_JOB_STATES),
  /** 0…1 */
  progress: z.number(),
  /** What it is doing now, e.g. "Evidence files". */
  stage: z.string(),
  /** The backup made, or the one restored. */
  backup: BackupSummary.nullable(),
  /** Where a restore put the data folder. */
  restoredTo: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type BackupJob = z.infer<typeof BackupJob>;

export const BackupJobRef = z.strictObject({ jobId: z.string().min(1).max(100) });
