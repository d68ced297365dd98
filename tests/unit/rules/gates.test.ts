import { describe, expect, it } from 'vitest';
import { formatRequirement, matchesRequirement, requirementLabel } from '#shared/domain/requirement-ref';
import { gatesFor, overrideError, type GateFacts, type GateItem } from '#shared/rules/gates/gates';
import { recordedSentence } from '#shared/rules/gates/words';

const item = (number: string, result: GateItem['result'], more: Partial<GateItem> = {}): GateItem => ({
  kind: 'clause',
  number,
  title: `Title ${number}`,
  result,
  excludedBySoa: false,
  hasFinding: false,
  ...more,
});

const complete: GateFacts = {
  type: 'stage2',
  scope: 'ISMS of the head office',
  objectives: 'Confirm effective implementation',
  criteria: 'ISO/IEC 27001:2022',
  items: [item('4.1', 'conforming'), item('5.11', 'minor_nc', { kind: 'control', hasFinding: true })],
  draftFindings: 0,
  openMajors: [],
  recommendation: 'after_action_plans',
  reportIssued: true,
};
const codes = (stage: Parameters<typeof gatesFor>[0], f: GateFacts) => gatesFor(stage, f).map((g) => g.code);

describe('completeness gates', () => {
  it('a complete audit passes every stage', () => {
    for (const stage of ['recommend', 'issue', 'close'] as const) expect(gatesFor(stage, complete)).toEqual([]);
  });

  it('the issue 16 Stage 2: 10 of 123 audited, a major open, no objectives — nothing passes', () => {
    const items = Array.from({ length: 123 }, (_, i) => item(`x${i}`, i < 10 ? 'conforming' : 'not_audited'));
    const f: GateFacts = {
      ...complete,
      objectives: '',
      items,
      openMajors: ['NC-01'],
      recommendation: 'recommend',
      reportIssued: false,
    };
    expect(codes('recommend', f)).toEqual(['objectives_missing', 'not_audited']);
    expect(gatesFor('recommend', f)[1]?.message).toMatch(/^113 checklist items have no result \(10 of 123 audited\)/);
    expect(codes('issue', f)).toEqual(['objectives_missing', 'not_audited', 'open_majors']);
    expect(codes('close', f)).toEqual(['objectives_missing', 'not_audited', 'open_majors', 'report_not_issued']);
  });

  it('a Stage 1 with nothing audited and no conclusion is not ready to report', () => {
    const f: GateFacts = {
      ...complete,
      type: 'stage1',
      items: [item('', 'not_audited', { kind: 'topic', title: 'ISMS scope' })],
      recommendation: null,
    };
    expect(gatesFor('issue', f).map((g) => g.message)).toEqual([
      '1 checklist item has no result (0 of 1 audited): ISMS scope.',
      'The Stage 1 conclusion (ready for Stage 2 or not) has not been recorded yet (Cycle tab).',
    ]);
  });

  it('controls the SoA excludes need no result; N/A counts as a result', () => {
    const f: GateFacts = {
      ...complete,
      items: [
        item('8.1', 'not_audited', { kind: 'control', excludedBySoa: true }),
        item('8.2', 'not_applicable', { kind: 'control' }),
      ],
    };
    expect(gatesFor('close', f)).toEqual([]);
  });

  it('a nonconformity or OFI result needs a finding, named by its unambiguous reference', () => {
    const f: GateFacts = { ...complete, items: [item('7.2', 'minor_nc'), item('7.2', 'ofi', { kind: 'control' })] };
    expect(gatesFor('recommend', f)).toEqual([
      {
        code: 'finding_missing',
        message: '2 nonconformity or improvement results have no finding written: Clause 7.2, A.7.2.',
      },
    ]);
    expect(gatesFor('recommend', { ...f, items: f.items.map((i) => ({ ...i, hasFinding: true })) })).toEqual([]);
  });

  it('an open major is acknowledged by a recorded "do not recommend"; drafts and missing recommendation gate issuing', () => {
    const f: GateFacts = { ...complete, openMajors: ['NC-02'], recommendation: 'not_recommended', draftFindings: 1 };
    expect(codes('issue', f)).toEqual(['draft_findings']);
    expect(gatesFor('issue', f)[0]?.message).toBe('1 draft finding is not issued and will not appear in the report.');
    expect(codes('issue', { ...f, recommendation: null })).toEqual([
      'recommendation_missing',
      'draft_findings',
      'open_majors',
    ]);
  });

  it('going ahead with gaps needs a typed reason; blanks are no reason', () => {
    const gaps = gatesFor('close', { ...complete, criteria: '' });
    expect(overrideError('close', gaps, undefined)).toMatch(/^Closing the audit with 1 gap open needs a reason:/);
    expect(overrideError('close', gaps, '   ')).not.toBeNull();
    expect(overrideError('close', gaps, 'Criteria agreed by phone, recorded in the plan')).toBeNull();
    expect(overrideError('issue', [], undefined)).toBeNull();
  });
});

describe('requirement references', () => {
  const clause = { kind: 'clause', number: '7.2', title: 'Competence' };
  const control = { kind: 'control', number: '7.2', title: 'Physical entry' };
  it('clause 7.2 and control A.7.2 never read alike', () => {
    expect(formatRequirement(clause)).toBe('Clause 7.2');
    expect(formatRequirement(control)).toBe('A.7.2');
    expect(formatRequirement({ kind: 'control', number: 'A.5.15' })).toBe('A.5.15');
    expect(requirementLabel(control)).toBe('A.7.2 Physical entry');
    expect(requirementLabel({ kind: 'topic', number: '', title: 'ISMS scope' })).toBe('ISMS scope');
  });
  it('the picker finds both by "7.2", only the clause by "clause 7.2", only the control by "A.7.2"', () => {
    const both = [clause, control];
    const hits = (q: string) => both.filter((r) => matchesRequirement(q, r)).map(formatRequirement);
    expect(hits('7.2')).toEqual(['Clause 7.2', 'A.7.2']);
    expect(hits('Clause 7.2')).toEqual(['Clause 7.2']);
    expect(hits('a.7.2')).toEqual(['A.7.2']);
    expect(hits('A7.2')).toEqual(['A.7.2']);
    expect(hits('7')).toEqual(['Clause 7.2', 'A.7.2']);
    expect(hits('7.22')).toEqual([]);
    expect(hits('entry')).toEqual(['A.7.2']);
  });
});

describe('counts in words', () => {
  it('the verb agrees with the whole list', () => {
    const s = (i: number, o: number) =>
      recordedSentence([
        { n: i, one: 'interview', many: 'interviews' },
        { n: o, one: 'observation', many: 'observations' },
      ]);
    expect(s(1, 1)).toBe('1 interview and 1 observation were recorded.');
    expect(s(1, 0)).toBe('1 interview was recorded.');
    expect(s(0, 2)).toBe('2 observations were recorded.');
    expect(s(0, 0)).toBeNull();
  });
});

describe('requirement references from stored refs', () => {
  it('names findings\u2019 requirements the same way', async () => {
    const { formatRequirementRef, requirementRefLabel } = await import('#shared/domain/requirement-ref');
    expect(formatRequirementRef({ ref: 'A.6.3', number: '6.3' })).toBe('A.6.3');
    expect(formatRequirementRef({ ref: '6.3', number: '6.3' })).toBe('Clause 6.3');
    expect(formatRequirementRef({ ref: 'S1.scope', number: '' })).toBe('S1.scope');
    expect(requirementRefLabel({ ref: '7.2', number: '7.2', title: 'Competence' })).toBe('Clause 7.2 Competence');
    expect(requirementRefLabel({ ref: 'S1.scope', number: '', title: 'ISMS scope' })).toBe('ISMS scope');
  });
});
