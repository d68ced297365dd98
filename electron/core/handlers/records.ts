import { createDocument, deleteDocument, listDocuments, updateDocument } from '../repos/records/documents';
import { createInterview, deleteInterview, listInterviews, updateInterview } from '../repos/records/interviews';
import {
  createObservation,
  deleteObservation,
  listObservations,
  updateObservation,
} from '../repos/records/observations';
import type { RepoContext } from '../repos/context';
import type { Handlers, Tx } from './types';

type RecordOps = `${'interviews' | 'observations' | 'documents'}.${'list' | 'create' | 'update' | 'delete'}`;

/** Interviews, observations and documents reviewed: each call one transaction, links checked inside it. */
export const recordHandlers = (ctx: RepoContext, tx: Tx): Pick<Handlers, RecordOps> => ({
  'interviews.list': tx(({ auditId }) => listInterviews(ctx, auditId)),
  'interviews.create': tx(({ auditId, interview }) => createInterview(ctx, auditId, interview)),
  'interviews.update': tx(({ id, patch }) => updateInterview(ctx, id, patch)),
  'interviews.delete': tx(({ id }) => {
    deleteInterview(ctx, id);
    return { id };
  }),
  'observations.list': tx(({ auditId }) => listObservations(ctx, auditId)),
  'observations.create': tx(({ auditId, observation }) => createObservation(ctx, auditId, observation)),
  'observations.update': tx(({ id, patch }) => updateObservation(ctx, id, patch)),
  'observations.delete': tx(({ id }) => {
    deleteObservation(ctx, id);
    return { id };
  }),
  'documents.list': tx(({ auditId }) => listDocuments(ctx, auditId)),
  'documents.create': tx(({ auditId, document }) => createDocument(ctx, auditId, document)),
  'documents.update': tx(({ id, patch }) => updateDocument(ctx, id, patch)),
  'documents.delete': tx(({ id }) => {
    deleteDocument(ctx, id);
    return { id };
  }),
});
