import { z } from 'zod';
import { Id, text } from './common';
import { ItemKind } from './template';
import { labelsEn } from '#shared/i18n/labels/en';

export const RESULTS = ['not_audited', 'conforming', 'ofi', 'minor_nc', 'major_nc', 'not_applicable'] as const;
export const Result = z.enum(RESULTS, { error: 'Unknown result' });
export type ItemResult = z.infer<typeof Result>;
/** English; other languages: labelsIn(language).result (#shared/i18n/labels/index). */
export const RESULT_LABELS: Record<ItemResult, string> = labelsEn.result;
/** Number keys on the checklist screen, in this order: 0 not audited, 1 conforming … 5 not applicable. */
export const RESULT_KEYS: readonly ItemResult[] = RESULTS;

export const SampledRecord = z.strictObject({
  id: Id.optional(),
  identifier: text(200, 'Record identifier').min(1, 'Record identifier is required'),
  description: text(2000, 'Record description').default(''),
});
export type SampledRecordInput = z.input<typeof SampledRecord>;

export const SoaEntry = z.object({
  applicable: z.boolean(),
  justification: z.string(),
  status: z.string(),
});
export type SoaEntry = z.infer<typeof SoaEntry>;

export const ChecklistItem = z.object({
  id: Id,
  auditId: Id,
  position: z.number().int(),
  ref: z.string(),
  kind: ItemKind,
  groupId: z.string(),
  groupTitle: z.string(),
  groupKind: z.enum(['clause', 'theme', 'topic']),
  number: z.string(),
  title: z.string(),
  questions: z.array(z.string()),
  evidence: z.array(z.string()),
  clauses: z.array(z.string()),
  result: Result,
  /** True when the result is a nonconformity or an OFI: a finding must be written (later issue). */
  needsFinding: z.boolean(),
  notes: z.string(),
  assigneeId: Id.nullable(),
  sampleSize: z.number().int().nullable(),
  minutesSpent: z.number().int().nullable(),
  samples: z.array(z.object({ id: Id, identifier: z.string(), description: z.string() })),
  /** The client's Statement of Applicability for this control, once imported. */
  soa: SoaEntry.nullable(),
  updatedAt: z.string(),
});
export type ChecklistItem = z.infer<typeof ChecklistItem>;

/** A partial edit of one item; absent fields are left as they are. */
export const ChecklistItemPatch = z.strictObject({
  result: Result.optional(),
  notes: text(100_000, 'Notes').optional(),
  assigneeId: Id.nullable().optional(),
  sampleSize: z.number().int().min(0).max(1_000_000).nullable().optional(),
  minutesSpent: z.number().int().min(0).max(100_000).nullable().optional(),
  samples: z.array(SampledRecord).max(500, 'At most 500 sampled records').optional(),
});
export type ChecklistItemPatch = z.input<typeof ChecklistItemPatch>;

export const Checklist = z.object({
  auditId: Id,
  templateId: z.string(),
  templateVersion: z.string(),
  templateTitle: z.string(),
  soaVersion: z.string().nullable(),
  soaImportedAt: z.string().nullable(),
  items: z.array(ChecklistItem),
});
export type Checklist = z.infer<typeof Checklist>;

/** A Statement of Applicability file as sent by the UI or CLI. */
export const SOA_MAX_BYTES = 5 * 1024 * 1024;
export const SoaFile = z.strictObject({
  name: text(300, 'File name').min(1, 'File name is required'),
  /** The file's bytes, base64-encoded (limit checked on the decoded size). */
  contentBase64: z.string().max(Math.ceil((SOA_MAX_BYTES * 4) / 3) + 8, 'The file is larger than 5 MB'),
});
export const SoaImportInput = z.strictObject({ auditId: Id, file: SoaFile });

export const SoaChange = z.object({
  ref: z.string(),
  number: z.string(),
  title: z.string(),
  before: SoaEntry.nullable(),
  after: SoaEntry,
});
export const SoaPreview = z.object({
  /** The SoA document's own version, if the file states one. */
  version: z.string().nullable(),
  rows: z.number().int(),
  changes: z.array(SoaChange),
  unchanged: z.number().int(),
  excluded: z.array(z.object({ number: z.string(), title: z.string(), justification: z.string() })),
  unknown: z.array(z.object({ line: z.number().int(), number: z.string() })),
  duplicates: z.array(z.object({ line: z.number().int(), number: z.string() })),
  missing: z.array(z.object({ number: z.string(), title: z.string() })),
  /** Row-level problems (e.g. an applicability value that is neither yes nor no). */
  problems: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type SoaPreview = z.infer<typeof SoaPreview>;

export const SamplingCandidate = z.object({
  ref: z.string(),
  number: z.string(),
  title: z.string(),
  groupId: z.string(),
  groupTitle: z.string(),
  /** Always sampled in surveillance: internal audit, management review, improvement. */
  preselected: z.boolean(),
  /** Not audited in the earlier audits of this certification cycle. */
  suggested: z.boolean(),
});
export type SamplingCandidate = z.infer<typeof SamplingCandidate>;

export const Dashboard = z.object({
  total: z.number().int(),
  byResult: z.record(Result, z.number().int()),
  byGroup: z.array(
    z.object({
      groupId: z.string(),
      groupTitle: z.string(),
      groupKind: z.enum(['clause', 'theme', 'topic']),
      total: z.number().int(),
      audited: z.number().int(),
      byResult: z.record(Result, z.number().int()),
    }),
  ),
  notAuditedByAuditor: z.array(z.object({ assigneeId: Id.nullable(), name: z.string(), count: z.number().int() })),
  needsFinding: z.number().int(),
});
export type Dashboard = z.infer<typeof Dashboard>;
