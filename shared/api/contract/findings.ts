import { z } from 'zod';
import {
  Actor,
  Finding,
  FindingInput,
  FindingListQuery,
  FindingPage,
  FindingPageQuery,
  FindingPatch,
  FindingSettings,
  FindingSettingsInput,
  FindingSummary,
  FindingType,
  ResponseDecisionInput,
  ResponseInput,
  TrailEntry,
  VerificationInput,
} from '../../domain/finding';
import {
  CarriedFinding,
  CertificationInput,
  Comparison,
  CreateNextInput,
  Programme,
  RecommendationInput,
  RecommendationState,
} from '../../domain/programme';
import { Id } from '../../domain/common';
import { ById, ByAudit, Deleted } from './common';
import type { OpShapes } from './common';

/** Findings and their corrective-action trail, the certification programme and the recommendation. */
export const findingOps = {
  /** Findings. Every write records who acted (`by`) in the append-only audit trail. */
  'findings.list': { input: FindingListQuery, output: z.array(FindingSummary) },
  /** The Nonconformities page: short rows a page at a time, filtered in SQL (findings.get has the rest). */
  'findings.page': { input: FindingPageQuery, output: FindingPage },
  'findings.get': { input: ById, output: Finding },
  'findings.create': { input: z.strictObject({ auditId: Id, finding: FindingInput, by: Actor }), output: Finding },
  /** A draft from a checklist item flagged NC or OFI: its requirement and its attachments pre-filled. */
  'findings.fromItem': {
    input: z.strictObject({ itemId: Id, type: FindingType.optional(), by: Actor }),
    output: Finding,
  },
  'findings.update': { input: z.strictObject({ id: Id, patch: FindingPatch, by: Actor }), output: Finding },
  /** Drafts only: an issued finding is part of the record and is never deleted. */
  'findings.delete': { input: ById, output: Deleted },
  /** Numbers the draft (e.g. NC-03) once it is complete; refused with what is missing otherwise. */
  'findings.issue': { input: z.strictObject({ id: Id, by: Actor }), output: Finding },
  'findings.respond': { input: z.strictObject({ id: Id, response: ResponseInput, by: Actor }), output: Finding },
  'findings.decideResponse': { input: ResponseDecisionInput, output: Finding },
  'findings.verify': {
    input: z.strictObject({ id: Id, verification: VerificationInput, by: Actor }),
    output: Finding,
  },
  'findings.close': { input: z.strictObject({ id: Id, by: Actor }), output: Finding },
  'findings.trail': {
    input: z.strictObject({ recordType: z.enum(['finding', 'checklist_item', 'recommendation']), recordId: Id }),
    output: z.array(TrailEntry),
  },
  'findings.settings': { input: ByAudit, output: FindingSettings },
  'findings.setSettings': { input: FindingSettingsInput, output: FindingSettings },

  /** The client's certification cycle. */
  'programme.get': { input: z.strictObject({ clientId: Id }), output: Programme },
  'programme.setCertification': { input: CertificationInput, output: Programme },
  /** The next audit of the cycle: team, scope and sites copied; open findings carried into it. */
  'programme.createNext': { input: CreateNextInput, output: z.object({ id: Id }) },
  'programme.carried': { input: ByAudit, output: z.array(CarriedFinding) },
  'programme.compare': { input: ByAudit, output: Comparison },
  'recommendation.get': { input: ByAudit, output: RecommendationState },
  'recommendation.decide': { input: RecommendationInput, output: RecommendationState },
} as const satisfies OpShapes;
