import { z } from 'zod';
import { Audit, AuditCreateInput, AuditListQuery, AuditStatus, AuditSummary, AuditUpdateInput } from '../domain/audit';
import {
  Checklist,
  ChecklistItem,
  ChecklistItemPatch,
  Dashboard,
  SamplingCandidate,
  SoaImportInput,
  SoaPreview,
} from '../domain/checklist';
import { TemplateSummary } from '../domain/template';
import { Client, ClientInput, ClientSummary } from '../domain/client';
import { Id } from '../domain/common';
import type { Result } from './result';
import type { OpName } from './ops';

const ById = z.strictObject({ id: Id });
const Nothing = z.strictObject({});

/**
 * The API contract: one entry per operation, each with the schema its input
 * must pass and the schema of what it returns. The backend implements exactly
 * this map; transports (IPC, HTTP) only carry the op name and the input.
 */
export const contract = {
  'app.info': {
    input: Nothing,
    output: z.object({ version: z.string(), deviceId: z.string(), schemaVersion: z.number().int() }),
  },
  'clients.list': { input: Nothing, output: z.array(ClientSummary) },
  'clients.get': { input: ById, output: Client },
  'clients.create': { input: ClientInput, output: Client },
  'clients.update': { input: z.strictObject({ id: Id, client: ClientInput }), output: Client },
  'clients.delete': { input: ById, output: z.object({ id: Id }) },
  'audits.list': { input: AuditListQuery, output: z.array(AuditSummary) },
  'audits.get': { input: ById, output: Audit },
  'audits.create': { input: AuditCreateInput, output: Audit },
  'audits.update': { input: AuditUpdateInput, output: Audit },
  'audits.setStatus': { input: z.strictObject({ id: Id, status: AuditStatus }), output: Audit },
  'audits.delete': { input: ById, output: z.object({ id: Id }) },
  'audits.samplingCandidates': {
    input: z.strictObject({ clientId: Id, templateId: z.string().min(1).max(100).optional() }),
    output: z.object({ templateId: z.string(), templateVersion: z.string(), items: z.array(SamplingCandidate) }),
  },
  'audits.dashboard': { input: z.strictObject({ auditId: Id }), output: Dashboard },
  'templates.list': { input: Nothing, output: z.array(TemplateSummary) },
  /** The template is validated against ChecklistTemplate in the backend, so errors name the field at fault. */
  'templates.import': { input: z.strictObject({ template: z.unknown() }), output: TemplateSummary },
  'checklist.get': { input: z.strictObject({ auditId: Id }), output: Checklist },
  'checklist.updateItem': { input: z.strictObject({ id: Id, patch: ChecklistItemPatch }), output: ChecklistItem },
  'soa.preview': { input: SoaImportInput, output: SoaPreview },
  'soa.apply': { input: SoaImportInput, output: Checklist },
} as const satisfies Record<OpName, { input: z.ZodType; output: z.ZodType }>;

export type Contract = typeof contract;
/** What a caller passes (defaults may be omitted). */
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
/** What the backend receives after parsing (defaults filled in). */
export type OpParsed<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

/** The shape every transport exposes to the renderer. */
export interface FieldworkApi {
  invoke<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
}
