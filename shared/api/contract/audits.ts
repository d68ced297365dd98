import { z } from 'zod';
import {
  Audit,
  AuditCreateInput,
  AuditListQuery,
  AuditPage,
  AuditPageQuery,
  AuditSummary,
  AuditUpdateInput,
} from '../../domain/audit';
import {
  Checklist,
  ChecklistItem,
  ChecklistItemPatch,
  Dashboard,
  SamplingCandidate,
  SoaImportInput,
  SoaPreview,
} from '../../domain/checklist';
import { AuditStatusInput } from '../../domain/gates';
import { TemplateSummary } from '../../domain/template';
import { Actor } from '../../domain/finding';
import { Client, ClientInput, ClientSummary } from '../../domain/client';
import { Id } from '../../domain/common';
import { ById, Nothing } from './common';
import type { OpShapes } from './common';

/** Clients, audits, their checklists and the templates and statements of applicability they start from. */
export const auditOps = {
  'clients.list': { input: Nothing, output: z.array(ClientSummary) },
  'clients.get': { input: ById, output: Client },
  'clients.create': { input: ClientInput, output: Client },
  'clients.update': { input: z.strictObject({ id: Id, client: ClientInput }), output: Client },
  'clients.delete': { input: ById, output: z.object({ id: Id }) },
  'audits.list': { input: AuditListQuery, output: z.array(AuditSummary) },
  /** The Audits home and a client's audits: a page at a time, filtered in SQL. */
  'audits.page': { input: AuditPageQuery, output: AuditPage },
  'audits.get': { input: ById, output: Audit },
  'audits.create': { input: AuditCreateInput, output: Audit },
  'audits.update': { input: AuditUpdateInput, output: Audit },
  'audits.setStatus': { input: AuditStatusInput, output: Audit },
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
  /** `by`: who changed it, for the audit trail of results. */
  'checklist.updateItem': {
    input: z.strictObject({ id: Id, patch: ChecklistItemPatch, by: Actor }),
    output: ChecklistItem,
  },
  'soa.preview': { input: SoaImportInput, output: SoaPreview },
  'soa.apply': { input: SoaImportInput, output: Checklist },
} as const satisfies OpShapes;
