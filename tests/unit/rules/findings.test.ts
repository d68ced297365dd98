import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  compareFindingNumbers,
  formatFindingNumber,
  isOverdue,
  missingForIssue,
  needsNewStage2,
  responseDue,
  suggestRecommendation,
  transitionError,
} from '#shared/rules/findings';

describe('numbers', () => {
  it('majors and minors share the NC series; OFI and good practice have their own; two digits at least', () => {
    expect(formatFindingNumber('major', 3)).toBe('NC-03');
    expect(formatFindingNumber('minor', 12)).toBe('NC-12');
    expect(formatFindingNumber('ofi', 5)).toBe('OFI-05');
    expect(formatFindingNumber('positive', 1)).toBe('GP-01');
    expect(['NC-100', 'NC-09', 'NC-10', 'NC-99', 'NC-11'].toSorted(compareFindingNumbers)).toEqual([
      'NC-09',
      'NC-10',
      'NC-11',
      'NC-99',
      'NC-100',
    ]);
    expect(formatFindingNumber('minor', 100)).toBe('NC-100');
  });
});

describe('transitions', () => {
  it('a nonconformity goes open → response → accepted → verified → closed, and back to open when returned', () => {
    const path = [
      ['draft', 'open'],
      ['open', 'response_received'],
      ['response_received', 'open'],
      ['response_received', 'response_accepted'],
      ['response_accepted', 'verified'],
      ['verified', 'closed'],
    ] as const;
    for (const [from, to] of path) expect(transitionError('minor', from, to), `${from}→${to}`).toBeNull();
  });

  it('refuses shortcuts with a specific message', () => {
    expect(transitionError('major', 'open', 'closed')).toBe(
      'A nonconformity cannot be closed before it has been verified effective.',
    );
    expect(transitionError('major', 'response_accepted', 'closed')).toBe(
      'A nonconformity cannot be closed before it has been verified effective.',
    );
    expect(transitionError('minor', 'response_received', 'verified')).toBe(
      "A nonconformity can be verified only after the client's response has been accepted.",
    );
    expect(transitionError('minor', 'open', 'response_accepted')).toBe('There is no response waiting for a decision.');
    expect(transitionError('minor', 'closed', 'open')).toBe('A finding cannot go from closed to open.');
  });

  it('OFIs and good practice are only issued and closed', () => {
    expect(transitionError('ofi', 'draft', 'open')).toBeNull();
    expect(transitionError('positive', 'open', 'closed')).toBeNull();
    expect(transitionError('ofi', 'open', 'response_received')).toBe(
      'Opportunities for improvement and good practice are only issued and closed; they need no response.',
    );
  });
});

describe('completeness before issue', () => {
  const nc = { type: 'minor' as const, requirementCount: 1, statement: 'S', evidenceText: 'E', evidenceLinks: 0 };
  it('an NC needs a statement, a requirement and objective evidence (text or links)', () => {
    expect(missingForIssue(nc)).toEqual([]);
    expect(missingForIssue({ ...nc, evidenceText: ' ', evidenceLinks: 2 })).toEqual([]);
    expect(missingForIssue({ ...nc, requirementCount: 0, evidenceText: '' })).toEqual([
      'the requirement it is against (a clause or Annex A control)',
      'objective evidence (a description, or linked attachments, interviews, observations or documents)',
    ]);
  });
  it('an OFI needs only a statement', () => {
    expect(missingForIssue({ ...nc, type: 'ofi', requirementCount: 0, evidenceText: '' })).toEqual([]);
    expect(missingForIssue({ ...nc, type: 'ofi', statement: '  ' })).toEqual([
      'a statement of what was required and what was found',
    ]);
  });
});

describe('dates', () => {
  it('adds days across months and years, and months clamped to the month end', () => {
    expect(addDays('2026-03-04', 30)).toBe('2026-04-03');
    expect(addDays('2026-12-20', 15)).toBe('2027-01-04');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
  });

  it('response due dates per type', () => {
    const days = { major: 30, minor: 90 };
    expect(responseDue('major', '2026-03-04', days)).toBe('2026-04-03');
    expect(responseDue('minor', '2026-03-04', days)).toBe('2026-06-02');
    expect(responseDue('ofi', '2026-03-04', days)).toBeNull();
  });

  it('overdue: no response after the due date, or an accepted plan past its action date', () => {
    const f = { type: 'major' as const, status: 'open' as const, responseDue: '2026-04-03', actionDue: null };
    expect(isOverdue(f, '2026-04-03')).toBe(false);
    expect(isOverdue(f, '2026-04-04')).toBe(true);
    expect(isOverdue({ ...f, status: 'response_received' }, '2027-01-01')).toBe(false);
    expect(isOverdue({ ...f, status: 'response_accepted', actionDue: '2026-05-31' }, '2026-06-01')).toBe(true);
    expect(isOverdue({ ...f, status: 'verified', actionDue: '2026-05-31' }, '2026-06-01')).toBe(false);
    expect(isOverdue({ ...f, type: 'ofi' }, '2027-01-01')).toBe(false);
  });

  it('another Stage 2: a Stage 2 major still unverified six months after the last day', () => {
    const f = { type: 'major' as const, status: 'response_accepted' as const };
    expect(needsNewStage2(f, 'stage2', '2026-03-04', '2026-09-04')).toBe(false);
    expect(needsNewStage2(f, 'stage2', '2026-03-04', '2026-09-05')).toBe(true);
    expect(needsNewStage2({ ...f, status: 'verified' }, 'stage2', '2026-03-04', '2027-01-01')).toBe(false);
    expect(needsNewStage2({ ...f, type: 'minor' }, 'stage2', '2026-03-04', '2027-01-01')).toBe(false);
    expect(needsNewStage2(f, 'surveillance1', '2026-03-04', '2027-01-01')).toBe(false);
  });
});

describe('recommendation suggestion', () => {
  it('follows the worst unresolved finding', () => {
    const major = { number: 'NC-01', type: 'major' as const, status: 'response_accepted' as const };
    const minor = { number: 'NC-02', type: 'minor' as const, status: 'open' as const };
    expect(suggestRecommendation([major, minor]).suggested).toBe('not_recommended');
    expect(suggestRecommendation([{ ...major, status: 'verified' }, minor])).toEqual({
      suggested: 'after_action_plans',
      reasons: ['NC-02 has no accepted corrective action plan yet'],
    });
    expect(suggestRecommendation([{ ...minor, status: 'response_accepted' }]).suggested).toBe('recommend');
    // Drafts do not count.
    expect(suggestRecommendation([{ ...major, number: null, status: 'draft' }]).suggested).toBe('recommend');
  });
});
