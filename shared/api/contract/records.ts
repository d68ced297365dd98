import { z } from 'zod';
import {
  DocumentInput,
  DocumentPatch,
  DocumentReviewed,
  Interview,
  InterviewInput,
  InterviewPatch,
  Observation,
  ObservationInput,
  ObservationPatch,
} from '../../domain/records';
import { Id } from '../../domain/common';
import { ById, ByAudit, Deleted } from './common';
import type { OpShapes } from './common';

/** What the auditor records on site besides the checklist: interviews, observations, documents reviewed. */
export const recordOps = {
  'interviews.list': { input: ByAudit, output: z.array(Interview) },
  'interviews.create': { input: z.strictObject({ auditId: Id, interview: InterviewInput }), output: Interview },
  'interviews.update': { input: z.strictObject({ id: Id, patch: InterviewPatch }), output: Interview },
  'interviews.delete': { input: ById, output: Deleted },
  'observations.list': { input: ByAudit, output: z.array(Observation) },
  'observations.create': {
    input: z.strictObject({ auditId: Id, observation: ObservationInput }),
    output: Observation,
  },
  'observations.update': { input: z.strictObject({ id: Id, patch: ObservationPatch }), output: Observation },
  'observations.delete': { input: ById, output: Deleted },
  'documents.list': { input: ByAudit, output: z.array(DocumentReviewed) },
  'documents.create': { input: z.strictObject({ auditId: Id, document: DocumentInput }), output: DocumentReviewed },
  'documents.update': { input: z.strictObject({ id: Id, patch: DocumentPatch }), output: DocumentReviewed },
  'documents.delete': { input: ById, output: Deleted },
} as const satisfies OpShapes;
