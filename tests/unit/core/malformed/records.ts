import { newId } from '#core/ids';
import { value } from '../../../helpers/backend';
import type { Case, MalformedExtension, World } from './types';

const interview = (w: World) => ({
  intervieweeName: 'Maria Keller',
  intervieweeRole: 'CISO',
  department: 'IT',
  siteId: w.siteIds[0]!,
  heldAt: '2026-03-02T09:30',
  auditorIds: [w.x.plannedLeadId!],
  itemIds: [w.itemId],
  notes: 'Leavers keep access for three days.',
});
const observation = (w: World) => ({
  siteId: w.siteIds[1]!,
  location: 'Server room',
  observedAt: '2026-03-02T11:15',
  description: 'Door propped open.',
  itemIds: [w.itemId],
});
const document = (w: World) => ({
  title: 'Access Control Policy',
  identifier: 'POL-07',
  revision: '3',
  documentDate: '2025-11-30',
  owner: 'CISO',
  itemIds: [w.itemId],
  notes: 'Approved by management.',
});

const TOO_LONG_NOTES = 'n'.repeat(100_001);
const meta = "'2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z', 'seed'";

/**
 * Interviews, observations and documents reviewed, and search. The base seed
 * has already closed w.closedId, so that audit's records are written with SQL.
 */
export const recordCases: MalformedExtension = {
  async seed(backend, w) {
    const planned = value(await backend.call('audits.get', { id: w.plannedId }));
    const stage1Item = value(await backend.call('checklist.get', { auditId: w.stage1Id })).items[0]!;
    const x = { ...w, x: { ...w.x, plannedLeadId: planned.team[0]!.id } };
    const i = value(await backend.call('interviews.create', { auditId: w.plannedId, interview: interview(x) }));
    const o = value(await backend.call('observations.create', { auditId: w.plannedId, observation: observation(x) }));
    const d = value(await backend.call('documents.create', { auditId: w.plannedId, document: document(x) }));
    const closed = { interview: newId(), observation: newId(), document: newId() };
    backend.db.exec(`
      INSERT INTO interviews VALUES ('${closed.interview}', '${w.closedId}', 'Old Interviewee', '', '', NULL,
        '2026-03-02T09:00', 'Frozen notes', ${meta});
      INSERT INTO observations VALUES ('${closed.observation}', '${w.closedId}', NULL, '', '2026-03-02T09:00',
        'Frozen observation', ${meta});
      INSERT INTO documents_reviewed VALUES ('${closed.document}', '${w.closedId}', 'Frozen policy', '', '', NULL, '',
        '', ${meta});`);
    return {
      plannedLeadId: planned.team[0]!.id,
      stage1ItemId: stage1Item.id,
      interviewId: i.id,
      observationId: o.id,
      documentId: d.id,
      closedInterviewId: closed.interview,
      closedObservationId: closed.observation,
      closedDocumentId: closed.document,
    };
  },

  valid: (w) => ({
    'interviews.list': { auditId: w.plannedId },
    'interviews.create': { auditId: w.plannedId, interview: interview(w) },
    'interviews.update': { id: w.x.interviewId!, patch: { notes: 'Leavers now lose access the same day.' } },
    'interviews.delete': { id: w.x.interviewId! },
    'observations.list': { auditId: w.plannedId },
    'observations.create': { auditId: w.plannedId, observation: observation(w) },
    'observations.update': { id: w.x.observationId!, patch: { location: 'Lobby', itemIds: [] } },
    'observations.delete': { id: w.x.observationId! },
    'documents.list': { auditId: w.plannedId },
    'documents.create': { auditId: w.plannedId, document: document(w) },
    'documents.update': { id: w.x.documentId!, patch: { revision: '4', documentDate: null } },
    'documents.delete': { id: w.x.documentId! },
    'search.query': { q: 'access', auditId: w.plannedId, limit: 10 },
    'search.page': { q: 'access', auditId: w.plannedId, limit: 10 },
  }),

  cases: (w, huge) => {
    const unknown = newId();
    const iv = interview(w);
    const ob = observation(w);
    const doc = document(w);
    const linkCases = (key: string, valid: Record<string, unknown>, auditId = w.plannedId): Case[] => [
      ['an unknown audit', { auditId: unknown, [key]: valid }, 'not_found'],
      ['a closed audit', { auditId: w.closedId, [key]: valid }, 'conflict'],
      ["another audit's checklist items", { auditId, [key]: { ...valid, itemIds: [w.itemId, w.x.stage1ItemId] } }],
      ["a closed audit's checklist item", { auditId, [key]: { ...valid, itemIds: [w.closedItemId] } }],
      ['an unknown checklist item', { auditId, [key]: { ...valid, itemIds: [unknown] } }],
      ['a checklist item id that is not an id', { auditId, [key]: { ...valid, itemIds: ['5.15'] } }],
      ['501 linked items', { auditId, [key]: { ...valid, itemIds: Array.from({ length: 501 }, () => w.itemId) } }],
      ["another client's site", { auditId, [key]: { ...valid, siteId: w.otherSiteId } }],
      ['an unknown field', { auditId, [key]: { ...valid, status: 'done' } }],
      ['no record', { auditId }],
    ];
    const closedUpdate = (id: string, patch: Record<string, unknown>): Case => [
      'a record of a closed audit',
      { id, patch },
      'conflict',
    ];
    return {
      'interviews.list': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'interviews.create': [
        ...linkCases('interview', iv),
        ['a blank interviewee name', { auditId: w.plannedId, interview: { ...iv, intervieweeName: '   ' } }],
        ['no interviewee name', { auditId: w.plannedId, interview: { ...iv, intervieweeName: undefined } }],
        ['an impossible date and time', { auditId: w.plannedId, interview: { ...iv, heldAt: '2026-02-30T09:30' } }],
        ['an hour past 23', { auditId: w.plannedId, interview: { ...iv, heldAt: '2026-03-02T24:30' } }],
        ['a date without a time', { auditId: w.plannedId, interview: { ...iv, heldAt: '2026-03-02' } }],
        ['a time zone on the time', { auditId: w.plannedId, interview: { ...iv, heldAt: '2026-03-02T09:30Z' } }],
        ['notes over 100000 characters', { auditId: w.plannedId, interview: { ...iv, notes: TOO_LONG_NOTES } }],
        ['10 MB notes', { auditId: w.plannedId, interview: { ...iv, notes: huge } }],
        [
          "an auditor of another audit's team",
          { auditId: w.plannedId, interview: { ...iv, auditorIds: [w.otherTeamMemberId] } },
        ],
        ['51 auditors', { auditId: w.plannedId, interview: { ...iv, auditorIds: Array(51).fill(w.x.plannedLeadId) } }],
      ],
      'interviews.update': [
        ['an unknown interview', { id: unknown, patch: { notes: 'x' } }, 'not_found'],
        closedUpdate(w.x.closedInterviewId!, { notes: 'late edit' }),
        ["another audit's checklist item", { id: w.x.interviewId, patch: { itemIds: [w.x.stage1ItemId] } }],
        ['a blank interviewee name', { id: w.x.interviewId, patch: { intervieweeName: '' } }],
        ['notes over 100000 characters', { id: w.x.interviewId, patch: { notes: TOO_LONG_NOTES } }],
        ['an impossible date and time', { id: w.x.interviewId, patch: { heldAt: '2026-13-01T09:00' } }],
        ["another client's site", { id: w.x.interviewId, patch: { siteId: w.otherSiteId } }],
        ["an auditor of another audit's team", { id: w.x.interviewId, patch: { auditorIds: [w.otherTeamMemberId] } }],
        ['an unknown patch field', { id: w.x.interviewId, patch: { auditId: w.stage1Id } }],
        ['no patch', { id: w.x.interviewId }],
      ],
      'interviews.delete': [
        ['an unknown interview', { id: unknown }, 'not_found'],
        ['an interview of a closed audit', { id: w.x.closedInterviewId }, 'conflict'],
        ['an observation id', { id: w.x.observationId }, 'not_found'],
      ],
      'observations.list': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'observations.create': [
        ...linkCases('observation', ob),
        ['a blank description', { auditId: w.plannedId, observation: { ...ob, description: ' \n ' } }],
        ['no time observed', { auditId: w.plannedId, observation: { ...ob, observedAt: undefined } }],
        [
          'an impossible date and time',
          { auditId: w.plannedId, observation: { ...ob, observedAt: '2026-02-29T10:00' } },
        ],
        [
          'a description over 100000 characters',
          { auditId: w.plannedId, observation: { ...ob, description: TOO_LONG_NOTES } },
        ],
        ['a 301-character location', { auditId: w.plannedId, observation: { ...ob, location: 'l'.repeat(301) } }],
        ['auditors (observations have none)', { auditId: w.plannedId, observation: { ...ob, auditorIds: [] } }],
      ],
      'observations.update': [
        ['an unknown observation', { id: unknown, patch: { location: 'x' } }, 'not_found'],
        closedUpdate(w.x.closedObservationId!, { description: 'late edit' }),
        ["another audit's checklist item", { id: w.x.observationId, patch: { itemIds: [w.closedItemId] } }],
        ['a blank description', { id: w.x.observationId, patch: { description: '' } }],
        ["another client's site", { id: w.x.observationId, patch: { siteId: w.otherSiteId } }],
        ['an unknown site', { id: w.x.observationId, patch: { siteId: unknown } }],
      ],
      'observations.delete': [
        ['an unknown observation', { id: unknown }, 'not_found'],
        ['an observation of a closed audit', { id: w.x.closedObservationId }, 'conflict'],
      ],
      'documents.list': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'documents.create': [
        ...linkCases('document', doc).filter(([label]) => label !== "another client's site"),
        ['a blank title', { auditId: w.plannedId, document: { ...doc, title: '  ' } }],
        ['an impossible document date', { auditId: w.plannedId, document: { ...doc, documentDate: '2025-02-29' } }],
        [
          'a date and time as document date',
          { auditId: w.plannedId, document: { ...doc, documentDate: '2025-02-01T10:00' } },
        ],
        ['notes over 100000 characters', { auditId: w.plannedId, document: { ...doc, notes: TOO_LONG_NOTES } }],
        ['a site (documents have none)', { auditId: w.plannedId, document: { ...doc, siteId: w.siteIds[0] } }],
      ],
      'documents.update': [
        ['an unknown document', { id: unknown, patch: { title: 'x' } }, 'not_found'],
        closedUpdate(w.x.closedDocumentId!, { notes: 'late edit' }),
        ["another audit's checklist item", { id: w.x.documentId, patch: { itemIds: [w.x.stage1ItemId] } }],
        ['a blank title', { id: w.x.documentId, patch: { title: '' } }],
        ['a 101-character revision', { id: w.x.documentId, patch: { revision: 'r'.repeat(101) } }],
      ],
      'documents.delete': [
        ['an unknown document', { id: unknown }, 'not_found'],
        ['a document of a closed audit', { id: w.x.closedDocumentId }, 'conflict'],
      ],
      'search.query': [
        ['201 characters of search text', { q: 'q'.repeat(201) }],
        ['an unknown audit', { q: 'access', auditId: unknown }, 'not_found'],
        ['an audit id that is not an id', { q: 'access', auditId: 'acme' }],
        ['a limit of 0', { q: 'access', limit: 0 }],
        ['a limit over 100', { q: 'access', limit: 101 }],
        ['a fractional limit', { q: 'access', limit: 1.5 }],
        ['no text', { auditId: w.plannedId }],
        ['a kind filter (not supported)', { q: 'access', kind: 'interview' }],
      ],
      'search.page': [
        ['201 characters of search text', { q: 'q'.repeat(201) }],
        ['an unknown audit', { q: 'access', auditId: unknown }, 'not_found'],
        ['a page of 101', { q: 'access', limit: 101 }],
        ['a position it never gave', { q: 'access', after: '["x", 1]' }],
        ['a position with a fractional row', { q: 'access', after: '[-1.5, 2.5]' }],
        ['a position that is not JSON', { q: 'access', after: '[' }],
        ['a position of 201 characters', { q: 'access', after: '1'.repeat(201) }],
      ],
    };
  },
};
