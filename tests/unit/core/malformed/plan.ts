import { newId } from '#core/ids';
import { value } from '../../../helpers/backend';
import type { MalformedExtension } from './types';

/** The audit plan, the opening and closing meetings, the technical review and decision. */
export const planCases: MalformedExtension = {
  async seed(backend, w) {
    const session = value(
      await backend.call('plan.addSession', {
        auditId: w.plannedId,
        day: '2026-03-02',
        startTime: '10:00',
        endTime: '11:00',
        topic: 'Leadership',
        itemIds: [w.itemId],
      }),
    );
    // An issued report of the closed audit (the base seed may have issued one already), reviewed: what the decision follows.
    const latest = backend.db
      .prepare(
        "SELECT max(version) AS v, max(issued_at) AS at FROM report_issues WHERE audit_id = ? AND kind = 'report'",
      )
      .get(w.closedId) as { v: number | null; at: string | null };
    if (latest.v === null) {
      backend.db
        .prepare(
          `INSERT INTO report_issues (id, audit_id, kind, version, report_number, file_name, sha256, size, content_hash,
             issued_at, issued_by, signer_name, signer_role, signer_fingerprint, created_at, updated_at, device_id)
           VALUES (?, ?, 'report', 1, 'R-1', 'r.docx', ?, 1, 'h', '2026-03-10T10:00:00.000Z', 'Lena Lead', 'Lena Lead',
             'Lead auditor', 'AB', '2026-03-10T10:00:00.000Z', '2026-03-10T10:00:00.000Z', 'dev')`,
        )
        .run(newId(), w.closedId, 'ef'.repeat(32));
    }
    const reviewedOn = (latest.at ?? '2026-03-10').slice(0, 10);
    value(
      await backend.call('review.record', {
        auditId: w.closedId,
        reviewerName: 'Rita Reviewer',
        reviewedOn,
        conclusion: 'confirmed',
      }),
    );
    return { sessionId: session.id, reviewedOn };
  },

  valid: (w) => ({
    'plan.get': { auditId: w.plannedId },
    'plan.save': {
      auditId: w.plannedId,
      objectives: 'Decide',
      scope: 'Hosting',
      criteria: 'ISO/IEC 27001',
      notes: 'Badges',
    },
    'plan.addSession': {
      auditId: w.plannedId,
      day: '2026-03-03',
      startTime: '09:00',
      endTime: '10:30',
      topic: 'Access control',
      auditee: 'IT',
      itemIds: [w.itemId],
    },
    'plan.updateSession': {
      id: w.x.sessionId,
      session: { day: '2026-03-04', startTime: '09:00', endTime: '10:00', topic: 'Moved', itemIds: [] },
    },
    'plan.deleteSession': { id: w.x.sessionId },
    'plan.itemSessions': { itemId: w.itemId },
    'meetings.get': { auditId: w.plannedId },
    'meetings.save': {
      auditId: w.plannedId,
      kind: 'opening',
      heldOn: '2026-03-02',
      attendees: [{ name: 'Sam Contact', role: 'CISO', organisation: 'Acme Ltd' }],
      confirmed: { plan: true, confidentiality: true, reporting: true, appeals: true },
    },
    'review.get': { auditId: w.closedId },
    'review.record': {
      auditId: w.closedId,
      reviewerName: 'Rita Reviewer',
      reviewerEmail: 'rita@cb.example',
      reviewedOn: w.x.reviewedOn!,
      conclusion: 'confirmed',
      notes: 'Sound',
    },
    'review.decide': { auditId: w.closedId, decision: 'grant', decidedBy: 'Dora Decider', decidedOn: w.x.reviewedOn! },
  }),

  cases: (w) => {
    const unknown = newId();
    const session = { auditId: w.plannedId, day: '2026-03-03', startTime: '09:00', endTime: '10:00', topic: 'x' };
    const meeting = { auditId: w.plannedId, kind: 'opening', heldOn: '2026-03-02', attendees: [{ name: 'Sam' }] };
    const review = { auditId: w.closedId, reviewerName: 'Rita', reviewedOn: w.x.reviewedOn!, conclusion: 'confirmed' };
    const decide = { auditId: w.closedId, decision: 'grant', decidedBy: 'Dora', decidedOn: w.x.reviewedOn! };
    return {
      'plan.get': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'plan.save': [
        ['an unknown audit', { auditId: unknown, objectives: '', scope: 'x', criteria: '' }, 'not_found'],
        ['a closed audit', { auditId: w.closedId, objectives: '', scope: 'x', criteria: '' }, 'conflict'],
        ['no scope', { auditId: w.plannedId, objectives: '', scope: '', criteria: '' }],
      ],
      'plan.addSession': [
        ['an unknown audit', { ...session, auditId: unknown }, 'not_found'],
        ['a day outside the audit', { ...session, day: '2026-04-01' }],
        ['an end before the start', { ...session, endTime: '08:00' }],
        ['a time of 25:00', { ...session, startTime: '25:00' }],
        ['an auditor of another audit', { ...session, auditorId: w.otherTeamMemberId }],
        ["another client's site", { ...session, siteId: w.otherSiteId }],
        ["another audit's item", { ...session, itemIds: [w.closedItemId] }],
      ],
      'plan.updateSession': [
        [
          'an unknown session',
          { id: unknown, session: { day: '2026-03-03', startTime: '09:00', endTime: '10:00', topic: 'x' } },
          'not_found',
        ],
      ],
      'plan.deleteSession': [['an unknown session', { id: unknown }, 'not_found']],
      'plan.itemSessions': [['an unknown item', { itemId: unknown }, 'not_found']],
      'meetings.get': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'meetings.save': [
        ['an unknown audit', { ...meeting, auditId: unknown }, 'not_found'],
        ['a closing meeting before any opening', { ...meeting, kind: 'closing' }, 'conflict'],
        ['a day outside the audit', { ...meeting, heldOn: '2026-05-01' }],
        ['no attendees', { ...meeting, attendees: [] }],
        ['findings at the opening', { ...meeting, findingsPresented: 'x' }],
      ],
      'review.get': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'review.record': [
        ['an unknown audit', { ...review, auditId: unknown }, 'not_found'],
        ['a report not issued', { ...review, auditId: w.plannedId }, 'conflict'],
        ['a team member as reviewer', { ...review, reviewerName: 'Lena Lead' }, 'conflict'],
        ['a date before the issue', { ...review, reviewedOn: '2000-01-01' }],
      ],
      'review.decide': [
        ['an unknown audit', { ...decide, auditId: unknown }, 'not_found'],
        ['no review yet', { ...decide, auditId: w.plannedId }, 'conflict'],
        ['a decision for surveillance', { ...decide, decision: 'maintain' }],
        ['a team member deciding', { ...decide, decidedBy: 'Arno Auditor' }, 'conflict'],
        ['a Stage 1', { ...decide, auditId: w.stage1Id }, 'conflict'],
      ],
    };
  },
};
