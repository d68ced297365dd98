import { newId } from '#core/ids';
import { sampleAudit, value } from '../../../helpers/backend';
import type { MalformedExtension } from './types';

/** The certification programme and the recommendation. */
export const programmeCases: MalformedExtension = {
  async seed(backend, w) {
    const special = value(await backend.call('audits.create', { ...sampleAudit(w.clientId), type: 'special' }));
    value(await backend.call('audits.setStatus', { id: special.id, status: 'in_progress' }));
    return { specialId: special.id };
  },

  valid: (w) => ({
    'programme.get': { clientId: w.clientId },
    'programme.setCertification': { clientId: w.clientId, decisionDate: '2026-03-31', expiryDate: '2029-03-30' },
    'programme.createNext': { fromAuditId: w.closedId, startDate: '2027-03-01', endDate: '2027-03-02' },
    'programme.carried': { auditId: w.closedId },
    'programme.compare': { auditId: w.closedId },
    'recommendation.get': { auditId: w.closedId },
    'recommendation.decide': {
      auditId: w.closedId,
      recommendation: 'recommend',
      reason: 'Findings reviewed with the team',
      by: 'Lena Lead',
    },
  }),

  cases: (w) => {
    const unknown = newId();
    const next = { fromAuditId: w.closedId, startDate: '2027-03-01', endDate: '2027-03-02' };
    const decide = { auditId: w.closedId, recommendation: 'not_recommended', reason: 'Why', by: 'Lena Lead' };
    return {
      'programme.get': [['an unknown client', { clientId: unknown }, 'not_found']],
      'programme.setCertification': [
        ['an unknown client', { clientId: unknown, decisionDate: '2026-03-31', expiryDate: null }, 'not_found'],
        ['expiry before decision', { clientId: w.clientId, decisionDate: '2026-03-31', expiryDate: '2026-01-01' }],
        ['expiry on the decision day', { clientId: w.clientId, decisionDate: '2026-03-31', expiryDate: '2026-03-31' }],
        ['an impossible date', { clientId: w.clientId, decisionDate: '2026-02-30', expiryDate: null }],
        ['no dates', { clientId: w.clientId }],
      ],
      'programme.createNext': [
        ['an unknown audit', { ...next, fromAuditId: unknown }, 'not_found'],
        ['a planned audit', { ...next, fromAuditId: w.plannedId }, 'conflict'],
        ['a special audit', { ...next, fromAuditId: w.x.specialId }, 'conflict'],
        ['end before start', { ...next, endDate: '2027-02-28' }],
        ['no dates', { fromAuditId: w.closedId }],
      ],
      'programme.carried': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'programme.compare': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'recommendation.get': [['an unknown audit', { auditId: unknown }, 'not_found']],
      'recommendation.decide': [
        ['an unknown audit', { ...decide, auditId: unknown }, 'not_found'],
        ['a planned audit', { ...decide, auditId: w.plannedId }, 'conflict'],
        ['an override without a reason', { ...decide, reason: '  ' }],
        ['an unknown recommendation', { ...decide, recommendation: 'maybe' }],
        ['nobody deciding', { ...decide, by: '   ' }],
      ],
    };
  },
};
