import { newId } from '#core/ids';
import { sampleAudit, value } from '../../../helpers/backend';
import type { Case, MalformedExtension, World } from './types';

const finding = (w: World, over: Record<string, unknown> = {}) => ({
  type: 'minor',
  itemIds: [w.x.fwItemId!],
  statement: 'Leavers are required to lose access on their last day; two kept it for a week.',
  evidenceText: 'HR leaver list vs. directory export of 2 March.',
  records: [],
  siteId: w.siteIds[0]!,
  raisedBy: 'Lena Lead',
  raisedAt: '2026-03-03T10:00',
  ...over,
});
const response = (over: Record<string, unknown> = {}) => ({
  receivedAt: '2026-03-10',
  correction: 'Access removed.',
  rootCause: 'HR did not tell IT.',
  correctiveAction: 'Leaver tickets raised by HR automatically.',
  responsible: 'HR lead',
  correctionDue: '2026-03-15',
  actionDue: '2026-05-01',
  ...over,
});
const verification = (w: World, over: Record<string, unknown> = {}) => ({
  method: 'document_review',
  notes: 'Ten leavers sampled, all removed the same day.',
  verifiedOn: '2026-04-01',
  verifiedBy: 'Lena Lead',
  auditId: w.x.fwAuditId!,
  ...over,
});

/**
 * Findings. They are raised in an audit under way, so the seed starts one of
 * its own (the base seed's planned audit must stay planned for audits.*), and
 * puts a finding in each state; the closed audit's finding is written with SQL.
 */
export const findingCases: MalformedExtension = {
  async seed(backend, w) {
    const audit = value(await backend.call('audits.create', sampleAudit(w.clientId, w.siteIds)));
    value(await backend.call('audits.setStatus', { id: audit.id, status: 'in_progress' }));
    const [item, conforming] = value(await backend.call('checklist.get', { auditId: audit.id })).items;
    value(await backend.call('checklist.updateItem', { id: item!.id, patch: { result: 'minor_nc' }, by: 'Lena' }));
    value(await backend.call('checklist.updateItem', { id: conforming!.id, patch: { result: 'conforming' } }));
    const x = { ...w, x: { ...w.x, fwAuditId: audit.id, fwItemId: item!.id } };
    const create = async (over: Record<string, unknown> = {}) =>
      (
        value(
          await backend.dispatch('findings.create', { auditId: audit.id, finding: finding(x, over), by: 'Lena' }),
        ) as { id: string }
      ).id;
    const issue = async (over: Record<string, unknown> = {}) => {
      const id = await create(over);
      value(await backend.call('findings.issue', { id, by: 'Lena' }));
      return id;
    };
    const draft = await create();
    const incomplete = await create({ itemIds: [], evidenceText: '', statement: '' });
    const open = await issue();
    const received = await issue();
    value(await backend.call('findings.respond', { id: received, response: response(), by: 'Lena' }));
    const accepted = await issue();
    value(await backend.call('findings.respond', { id: accepted, response: response(), by: 'Lena' }));
    value(await backend.call('findings.decideResponse', { id: accepted, decision: 'accepted', by: 'Lena' }));
    const ofi = await issue({ type: 'ofi' });
    const closedFinding = newId();
    backend.db
      .prepare(
        `INSERT INTO findings (id, audit_id, type, status, number, statement, raised_at, created_at, updated_at, device_id)
         VALUES (?, ?, 'minor', 'open', 'NC-01', 'Frozen', '2026-03-03T10:00', 'c', 'u', 'd')`,
      )
      .run(closedFinding, w.closedId);
    return {
      fwAuditId: audit.id,
      fwItemId: item!.id,
      fwConformingItemId: conforming!.id,
      draftFindingId: draft,
      incompleteFindingId: incomplete,
      openFindingId: open,
      receivedFindingId: received,
      acceptedFindingId: accepted,
      ofiFindingId: ofi,
      closedAuditFindingId: closedFinding,
    };
  },

  valid: (w) => ({
    'findings.list': {
      auditId: w.x.fwAuditId!,
      clientId: w.clientId,
      status: ['open'],
      type: ['minor'],
      requirement: '4.1',
    },
    'findings.page': {
      auditId: w.x.fwAuditId!,
      clientId: w.clientId,
      status: ['open'],
      requirement: '4.1',
      today: '2026-03-04',
      limit: 5,
    },
    'findings.get': { id: w.x.openFindingId! },
    'findings.create': { auditId: w.x.fwAuditId!, finding: finding(w), by: 'Lena' },
    'findings.fromItem': { itemId: w.x.fwItemId!, by: 'Lena' },
    'findings.update': { id: w.x.draftFindingId!, patch: { statement: 'Reworded', type: 'ofi' }, by: 'Lena' },
    'findings.delete': { id: w.x.draftFindingId! },
    'findings.issue': { id: w.x.draftFindingId!, by: 'Lena' },
    'findings.respond': { id: w.x.openFindingId!, response: response(), by: 'Lena' },
    'findings.decideResponse': { id: w.x.receivedFindingId!, decision: 'returned', comment: 'No root cause', by: 'L' },
    'findings.verify': { id: w.x.acceptedFindingId!, verification: verification(w), by: 'Lena' },
    'findings.close': { id: w.x.ofiFindingId!, by: 'Lena' },
    'findings.trail': { recordType: 'finding', recordId: w.x.openFindingId! },
    'findings.settings': { auditId: w.x.fwAuditId! },
    'findings.setSettings': {
      auditId: w.x.fwAuditId!,
      closingMeetingDate: '2026-03-04',
      responseDaysMajor: 14,
      responseDaysMinor: 60,
    },
  }),

  cases: (w, huge) => {
    const unknown = newId();
    const auditId = w.x.fwAuditId!;
    const create = (over: Record<string, unknown>, audit = auditId): unknown => ({
      auditId: audit,
      finding: finding(w, over),
      by: 'Lena',
    });
    const settings = { auditId, closingMeetingDate: '2026-03-04', responseDaysMajor: 30, responseDaysMinor: 90 };
    const notFound = (input: unknown): Case => ['an unknown finding', input, 'not_found'];
    return {
      'findings.list': [
        ['an unknown status', { status: ['done'] }],
        ['an unknown type', { type: ['critical'] }],
        ['a 41-character requirement', { requirement: 'r'.repeat(41) }],
        ['an audit id that is not an id', { auditId: 'acme' }],
        ['overdue as text', { overdue: 'yes' }],
      ],
      'findings.page': [
        ['no date to judge overdue by', { status: ['open'] }],
        ['a date that is not a date', { today: '4 March 2026' }],
        ['an unknown status', { today: '2026-03-04', status: ['done'] }],
        ['a page of 201', { today: '2026-03-04', limit: 201 }],
        ['a position it never gave', { today: '2026-03-04', after: '["x"]' }],
        ['a position that is not JSON', { today: '2026-03-04', after: '{' }],
      ],
      'findings.get': [notFound({ id: unknown }), ['an id that is not an id', { id: 'NC-01' }]],
      'findings.create': [
        ['an unknown audit', create({}, unknown), 'not_found'],
        ['a planned audit', create({ itemIds: [w.itemId], siteId: null }, w.plannedId), 'conflict'],
        ['a closed audit', create({ itemIds: [w.closedItemId], siteId: null }, w.closedId), 'conflict'],
        ["another audit's requirement", create({ itemIds: [w.x.fwItemId, w.itemId] })],
        ['an unknown requirement', create({ itemIds: [unknown] })],
        ['51 requirements', create({ itemIds: Array(51).fill(w.x.fwItemId) })],
        ["another client's site", create({ siteId: w.otherSiteId })],
        ["another audit's interview", create({ records: [{ type: 'interview', id: w.x.interviewId }] })],
        ['an unknown observation', create({ records: [{ type: 'observation', id: unknown }] }), 'not_found'],
        ['an unknown record type', create({ records: [{ type: 'email', id: unknown }] })],
        ['an unknown finding type', create({ type: 'critical' })],
        ['an impossible raised date', create({ raisedAt: '2026-02-30T10:00' })],
        ['a statement over 20000 characters', create({ statement: 's'.repeat(20_001) })],
        ['a 10 MB statement', create({ statement: huge })],
        ['a status', create({ status: 'open' })],
        ['no finding', { auditId, by: 'Lena' }],
      ],
      'findings.fromItem': [
        ['an unknown item', { itemId: unknown, by: 'Lena' }, 'not_found'],
        ['a conforming item', { itemId: w.x.fwConformingItemId, by: 'Lena' }],
        ['an item not yet audited', { itemId: w.itemId, by: 'Lena' }],
        ['an unknown type', { itemId: w.x.fwItemId, type: 'critical', by: 'Lena' }],
      ],
      'findings.update': [
        notFound({ id: unknown, patch: { statement: 'x' }, by: 'L' }),
        ['an issued NC made an OFI', { id: w.x.openFindingId, patch: { type: 'ofi' }, by: 'L' }, 'conflict'],
        ['an issued NC emptied of requirements', { id: w.x.openFindingId, patch: { itemIds: [] }, by: 'L' }],
        [
          'a finding of a closed audit',
          { id: w.x.closedAuditFindingId, patch: { statement: 'x' }, by: 'L' },
          'conflict',
        ],
        ["another audit's requirement", { id: w.x.draftFindingId, patch: { itemIds: [w.itemId] }, by: 'L' }],
        ['a status', { id: w.x.draftFindingId, patch: { status: 'closed' }, by: 'L' }],
        ['a number', { id: w.x.draftFindingId, patch: { number: 'NC-99' }, by: 'L' }],
        ['no patch', { id: w.x.draftFindingId, by: 'L' }],
      ],
      'findings.delete': [
        notFound({ id: unknown }),
        ['an issued finding', { id: w.x.openFindingId }, 'conflict'],
        ['an issued finding of a closed audit', { id: w.x.closedAuditFindingId }, 'conflict'],
      ],
      'findings.issue': [
        notFound({ id: unknown, by: 'L' }),
        ['an issued finding', { id: w.x.openFindingId, by: 'L' }, 'conflict'],
        ['an incomplete draft', { id: w.x.incompleteFindingId, by: 'L' }],
      ],
      'findings.respond': [
        notFound({ id: unknown, response: response(), by: 'L' }),
        [
          'a response before the finding was raised',
          { id: w.x.openFindingId, response: response({ receivedAt: '2026-03-01' }), by: 'L' },
        ],
        ['a draft', { id: w.x.draftFindingId, response: response(), by: 'L' }, 'conflict'],
        ['an OFI', { id: w.x.ofiFindingId, response: response(), by: 'L' }, 'conflict'],
        ['a second response while one waits', { id: w.x.receivedFindingId, response: response(), by: 'L' }, 'conflict'],
        ['an impossible date', { id: w.x.openFindingId, response: response({ receivedAt: '2026-02-30' }), by: 'L' }],
        ['no date received', { id: w.x.openFindingId, response: response({ receivedAt: undefined }), by: 'L' }],
      ],
      'findings.decideResponse': [
        notFound({ id: unknown, decision: 'accepted' }),
        ['returning without a comment', { id: w.x.receivedFindingId, decision: 'returned', comment: '  ' }],
        ['no response waiting', { id: w.x.openFindingId, decision: 'accepted' }, 'conflict'],
        ['an unknown decision', { id: w.x.receivedFindingId, decision: 'maybe' }],
      ],
      'findings.verify': [
        notFound({ id: unknown, verification: verification(w), by: 'L' }),
        ['an open finding', { id: w.x.openFindingId, verification: verification(w), by: 'L' }, 'conflict'],
        [
          'a response not yet accepted',
          { id: w.x.receivedFindingId, verification: verification(w), by: 'L' },
          'conflict',
        ],
        [
          'an audit it was not carried into',
          { id: w.x.acceptedFindingId, verification: verification(w, { auditId: w.plannedId }), by: 'L' },
        ],
        [
          'a date before the response',
          { id: w.x.acceptedFindingId, verification: verification(w, { verifiedOn: '2026-03-09' }), by: 'L' },
        ],
        [
          'an unknown method',
          { id: w.x.acceptedFindingId, verification: verification(w, { method: 'phone' }), by: 'L' },
        ],
        ['no verifier', { id: w.x.acceptedFindingId, verification: verification(w, { verifiedBy: ' ' }), by: 'L' }],
      ],
      'findings.close': [
        notFound({ id: unknown, by: 'L' }),
        ['an NC never verified', { id: w.x.openFindingId, by: 'L' }, 'conflict'],
        ['an NC with an accepted plan', { id: w.x.acceptedFindingId, by: 'L' }, 'conflict'],
        ['a draft', { id: w.x.draftFindingId, by: 'L' }, 'conflict'],
      ],
      'findings.trail': [
        ['an unknown record', { recordType: 'finding', recordId: unknown }, 'not_found'],
        ['an unknown record type', { recordType: 'client', recordId: w.clientId }],
      ],
      'findings.settings': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'findings.setSettings': [
        ['an unknown audit', { ...settings, auditId: unknown }, 'not_found'],
        ['a closed audit', { ...settings, auditId: w.closedId }, 'conflict'],
        ['a closing meeting before the audit', { ...settings, closingMeetingDate: '2026-03-01' }],
        ['0 days', { ...settings, responseDaysMajor: 0 }],
        ['366 days', { ...settings, responseDaysMinor: 366 }],
        ['a fractional day count', { ...settings, responseDaysMinor: 1.5 }],
        ['an impossible date', { ...settings, closingMeetingDate: '2026-02-30' }],
      ],
    };
  },
};
