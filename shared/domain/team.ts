import { z } from 'zod';
import { Id } from './common';
import { Actor } from './finding';
import { FILE_CHUNK_MAX } from './report';
import { Unlock } from './signing';

/**
 * Team audits (issue 13): the lead sends the audit out as a signed package,
 * auditors return what changed, the lead merges. These are the shapes the
 * Team tab, the CLI and the tests exchange with the backend.
 */

/** solo: never exchanged; lead: this data folder sent it out; member: a team copy led from another folder. */
export const TeamRole = z.enum(['solo', 'lead', 'member']);
export type TeamRole = z.infer<typeof TeamRole>;

/** The kinds of record a package's counts are grouped by (the UI's words for the logged tables). */
export const RECORD_KINDS = [
  'client',
  'audit',
  'team',
  'checklist',
  'interviews',
  'observations',
  'documents',
  'evidence',
  'findings',
  'report',
  'plan',
  'meetings',
] as const;
export const RecordKind = z.enum(RECORD_KINDS);
export type RecordKind = z.infer<typeof RecordKind>;

const Count = z.number().int().nonnegative();
export const KindCounts = z.object({ kind: RecordKind, added: Count, changed: Count, conflicts: Count });
export type KindCounts = z.infer<typeof KindCounts>;

/** What a merge did (or, in a preview, would do): records added, records changed, conflicts newly opened. */
export const MergeSummary = z.object({
  added: Count,
  changed: Count,
  conflicts: Count,
  alreadyImported: z.boolean(),
  byKind: z.array(KindCounts),
});
export type MergeSummary = z.infer<typeof MergeSummary>;

export const Fingerprint = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'Not a certificate fingerprint');

/** One package sent or received for an audit: the provenance the report's sign-off page lists. */
export const TeamExchange = z.object({
  packageId: z.string(),
  direction: z.enum(['sent', 'received']),
  kind: z.enum(['send', 'return']),
  /** Sent: who it is for ('' = the whole team); received: the sender's name. */
  peerName: z.string(),
  /** The device (data folder id) that made the package. */
  device: z.string(),
  signerName: z.string(),
  signerFingerprint: z.string(),
  sha256: z.string(),
  size: Count,
  /** When it was exported or merged (ISO 8601). */
  at: z.string(),
  added: Count,
  changed: Count,
  conflicts: Count,
});
export type TeamExchange = z.infer<typeof TeamExchange>;

export const TeamStatus = z.object({
  auditId: Id,
  role: TeamRole,
  /** This data folder's id (its device id). */
  thisFolderId: z.string(),
  /** The lead's data folder id; null while solo. */
  leadFolderId: z.string().nullable(),
  /** Newest first, at most 200. */
  exchanges: z.array(TeamExchange),
  openConflicts: Count,
  conflictsResolved: Count,
});
export type TeamStatus = z.infer<typeof TeamStatus>;

export const TeamExportInput = z.strictObject({
  auditId: Id,
  /** Lead: the team member it is for (a delta when that member has returned before), '' for everyone. */
  for: z.string().max(200).default(''),
  /** Send everything, not a delta. */
  full: z.boolean().default(false),
  /** Lead's send: include the evidence files (a return always includes the files the lead lacks). */
  includeEvidence: z.boolean().default(true),
  identityId: Id,
  unlock: Unlock,
  acceptExpired: z.boolean().default(false),
  by: Actor,
});
export type TeamExportInput = z.input<typeof TeamExportInput>;

/** What team.estimate needs: what would travel, not who signs it (it never unlocks a key). */
export const TeamEstimateInput = TeamExportInput.pick({ auditId: true, for: true, full: true, includeEvidence: true });
export type TeamEstimateInput = z.input<typeof TeamEstimateInput>;

/** What an export would hold, for the modal (sizes before writing). */
export const TeamExportEstimate = z.object({
  kind: z.enum(['send', 'return']),
  changes: Count,
  tombstones: Count,
  evidenceFiles: Count,
  evidenceBytes: Count,
});
export type TeamExportEstimate = z.infer<typeof TeamExportEstimate>;

export const TeamExportResult = z.object({
  /** Read the file with team.read; it is deleted when the session ends. */
  fileId: z.string(),
  fileName: z.string(),
  packageId: z.string(),
  kind: z.enum(['send', 'return']),
  size: Count,
  sha256: z.string(),
  changes: Count,
  tombstones: Count,
  evidenceFiles: Count,
});
export type TeamExportResult = z.infer<typeof TeamExportResult>;

/** A package file sent to the backend in ordered chunks before preview and import. */
export const TEAM_PACKAGE_MAX = 4 * 1024 * 1024 * 1024;
export const TeamUploadBegin = z.strictObject({
  name: z.string().min(1).max(255),
  size: z.number().int().min(1, 'The file is empty').max(TEAM_PACKAGE_MAX, 'The file is larger than 4 GB'),
});
export const TeamUploadRef = z.strictObject({ uploadId: z.string().min(1).max(100) });
export const TeamUploadChunk = TeamUploadRef.extend({
  offset: z.number().int().min(0),
  dataBase64: z
    .string()
    .min(1)
    .max(Math.ceil(FILE_CHUNK_MAX / 3) * 4, 'A chunk is at most 4 MiB'),
});

export const SignerTrust = z.object({
  name: z.string(),
  fingerprint: z.string(),
  /** Known: an identity of this folder or a trusted certificate. Unknown needs an explicit confirmation. */
  known: z.boolean(),
});

export const ImportPreview = z.object({
  packageId: z.string(),
  kind: z.enum(['send', 'return']),
  auditId: z.string(),
  /** The audit's client and dates when the audit is here already, else from the package. */
  auditLabel: z.string(),
  senderName: z.string(),
  senderDevice: z.string(),
  evidenceFiles: Count,
  signer: SignerTrust,
  summary: MergeSummary,
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const TeamImportInput = TeamUploadRef.extend({
  /** Required when the signer is unknown: the fingerprint the user compared. */
  acceptFingerprint: Fingerprint.optional(),
  by: Actor,
});

/**
 * A team package's preview or import run as a job (progress and cancel on the Team tab), like exports and
 * backups: followed with team.jobStatus, cancelled with team.jobCancel until it merges.
 */
export const TeamJob = z.object({
  id: z.string(),
  kind: z.enum(['preview', 'import']),
  uploadId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  /** 0…1 */
  progress: z.number(),
  /** What it is doing now, in words ("Checking the package"). */
  stage: z.string(),
  /** False once the merge's transaction runs (or the job ended): a cancel can no longer land. */
  cancellable: z.boolean(),
  /** A preview's result. */
  preview: ImportPreview.nullable(),
  /** An import's result. */
  summary: MergeSummary.nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});
export type TeamJob = z.infer<typeof TeamJob>;
export const TeamJobRef = z.strictObject({ jobId: z.string().min(1).max(100) });

/** One value of a conflict, or a deletion. */
export const ConflictCandidate = z.object({
  deleted: z.boolean(),
  /** The value (JSON: text, number, boolean or null); null for a deletion. */
  value: z.unknown(),
  clock: z.string(),
  /** The clock's wall time, ISO 8601. */
  at: z.string(),
  device: z.string(),
  author: z.string(),
});
export type ConflictCandidate = z.infer<typeof ConflictCandidate>;

export const ConflictView = z.object({
  table: z.string(),
  rowId: z.string(),
  /** The column; null for a deletion against edits. */
  field: z.string().nullable(),
  kind: RecordKind,
  /** The record in words: "A.5.1 Policies for information security", "Interview with …". */
  label: z.string(),
  /** Sorted by clock; the last shows until decided. */
  candidates: z.array(ConflictCandidate),
});
export type ConflictView = z.infer<typeof ConflictView>;

export const ConflictListInput = z.strictObject({
  auditId: Id,
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});
export const ConflictPage = z.object({ total: Count, items: z.array(ConflictView) });

export const ConflictResolveInput = z.strictObject({
  auditId: Id,
  table: z.string().min(1).max(64),
  rowId: z.string().min(1).max(200),
  field: z.string().min(1).max(64).nullable(),
  /** A field conflict: the chosen or combined value. A deletion conflict: 'keep' or 'delete'. */
  choice: z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('value'),
      value: z.union([z.string().max(100_000), z.number(), z.boolean(), z.null()]),
    }),
    z.strictObject({ kind: z.literal('keep') }),
    z.strictObject({ kind: z.literal('delete') }),
  ]),
  by: Actor,
});
export type ConflictResolveInput = z.input<typeof ConflictResolveInput>;
