import { describe, expect, it } from 'vitest';
import { notApplicableRefused, stillNeedsFinding } from '#shared/rules/checklist';
import { certificationDecisionError, planNextError, qualifiedNumber } from '#shared/rules/gates/cycle';
import { recommendationLabel } from '#shared/rules/recommendation-label';

describe("the cycle's rules (pure)", () => {
  it('a certification decision needs a closed Stage 2 or recertification and no open major', () => {
    expect(certificationDecisionError({ closedCertifyingAudits: 0, openMajors: [] })).toMatch(/only after the Stage 2/);
    expect(certificationDecisionError({ closedCertifyingAudits: 1, openMajors: ['ST2-NC-01'] })).toMatch(
      /while a major nonconformity is open \(ST2-NC-01\)/,
    );
    expect(certificationDecisionError({ closedCertifyingAudits: 1, openMajors: [] })).toBeNull();
  });

  it('the next audit follows a closed one, or a typed reason', () => {
    expect(planNextError({ type: 'stage2', status: 'reporting' }, undefined)).toBe(
      'The Stage 2 audit is reporting, not closed: say why the next audit is planned before it closes.',
    );
    expect(planNextError({ type: 'stage2', status: 'reporting' }, ' ')).not.toBeNull();
    expect(planNextError({ type: 'stage2', status: 'reporting' }, 'Client asked for dates now')).toBeNull();
    expect(planNextError({ type: 'surveillance1', status: 'closed' }, undefined)).toBeNull();
  });

  it('finding numbers carry their audit, so one cycle never shows two NC-01', () => {
    expect(qualifiedNumber('stage2', 'NC-01')).toBe('ST2-NC-01');
    expect(qualifiedNumber('surveillance1', 'NC-01')).toBe('SV1-NC-01');
    expect(qualifiedNumber('stage1', 'OFI-02')).toBe('ST1-OFI-02');
    expect(qualifiedNumber('recertification', null)).toBe('');
  });

  it('a Stage 1 concludes on readiness for Stage 2, never on certification', () => {
    expect(recommendationLabel('stage1', 'recommend')).toBe('Ready for Stage 2');
    expect(recommendationLabel('stage1', 'not_recommended')).toBe('Not ready for Stage 2');
    expect(recommendationLabel('stage2', 'recommend')).toBe('Recommend certification');
    for (const r of ['recommend', 'after_action_plans', 'not_recommended'] as const)
      expect(recommendationLabel('stage1', r)).not.toMatch(/certif/i);
  });

  it('a surveillance recommends maintaining certification, a recertification renewing it', () => {
    expect(recommendationLabel('surveillance1', 'recommend')).toBe('Recommend maintaining certification');
    expect(recommendationLabel('surveillance2', 'not_recommended')).toMatch(/^Do not recommend maintaining/);
    expect(recommendationLabel('recertification', 'recommend')).toBe('Recommend renewing certification');
    expect(recommendationLabel('special', 'recommend')).toBe('Recommend certification');
  });

  it('clauses 4–10 are never not applicable; controls, topics and other numbering may be', () => {
    expect(notApplicableRefused({ kind: 'clause', number: '4.1' })).toMatch(/^Clause 4\.1 is a requirement/);
    expect(notApplicableRefused({ kind: 'clause', number: '10.2' })).not.toBeNull();
    expect(notApplicableRefused({ kind: 'control', number: '7.2' })).toBeNull();
    expect(notApplicableRefused({ kind: 'topic', number: '' })).toBeNull();
    expect(notApplicableRefused({ kind: 'clause', number: '3.1' })).toBeNull();
  });

  it('"needs a finding" clears once a finding exists', () => {
    expect(stillNeedsFinding('minor_nc', false)).toBe(true);
    expect(stillNeedsFinding('minor_nc', true)).toBe(false);
    expect(stillNeedsFinding('conforming', false)).toBe(false);
  });
});
