import { describe, expect, it } from 'vitest';
import { DomainError } from '#shared/api/result';
import { errorText } from '#shared/i18n/errors/render';

/**
 * The repositories' refusals a user meets most (clients, checklist, evidence, findings, records) moved to keys:
 * their English `message` is what the code composed before, word for word (the expected texts are those old
 * template literals, evaluated here), plurals included; German and French say it in the reader's language.
 */
const e = (...args: ConstructorParameters<typeof DomainError>) => new DomainError(...args).message;

describe('repository errors with keys', () => {
  it('say in English exactly what the composed messages said', () => {
    const client = { name: 'Nordlicht Logistics GmbH' };
    for (const audits of [1, 3])
      expect(e('conflict', { key: 'errors:clients.hasAudits', params: { client: client.name, count: audits } })).toBe(
        `${client.name} has ${audits} audit${audits === 1 ? '' : 's'}; an audited client's record is kept. Delete its planned audits first.`,
      );
    const site = 'Lager Süd';
    expect(e('conflict', { key: 'errors:clients.siteInScope', params: { site } })).toBe(
      `Site "${site}" is in the scope of an audit. Remove it from the audit's scope before deleting it.`,
    );
    const labels = {
      checklist_item: 'checklist item',
      finding: 'finding',
      interview: 'interview',
      observation: 'observation',
      audit: 'audit',
    } as const;
    for (const [kind, label] of Object.entries(labels) as [keyof typeof labels, string][]) {
      expect(e('not_found', { key: `errors:evidence.targetMissing.${kind}` })).toBe(
        `The ${label} to link the attachment to does not exist (it may have been deleted).`,
      );
      expect(e('invalid_input', { key: `errors:evidence.targetOtherAudit.${kind}` })).toBe(
        `The ${label} belongs to another audit; attachments stay within their audit.`,
      );
    }
    const numbers = ['NC-01', 'NC-02'];
    expect(e('conflict', { key: 'errors:evidence.evidenceOfIssued', params: { numbers: numbers.join(', ') } })).toBe(
      `This attachment is evidence of issued finding ${numbers.join(', ')}; it cannot be deleted. ` +
        'Remove it from the finding instead: that change is kept in the finding’s history.',
    );
    for (const n of [1, 2]) {
      const what = n === 1 ? 'The chosen requirement is' : `${n} of the chosen requirements are`;
      expect(e('invalid_input', { key: 'errors:findings.notRequirement', params: { count: n } })).toBe(
        `${what} not a requirement of this audit (pick from its checklist).`,
      );
      expect(e('conflict', { key: 'errors:findings.auditHasIssued', params: { count: n } })).toBe(
        `This audit has ${n === 1 ? 'an issued finding' : `${n} issued findings`}; it is part of the certification record and cannot be deleted.`,
      );
    }
    const nouns = { interview: 'interview', observation: 'observation', document: 'document reviewed' } as const;
    for (const [type, noun] of Object.entries(nouns) as [keyof typeof nouns, string][]) {
      expect(e('not_found', { key: `errors:findings.linkedMissing.${type}` })).toBe(
        `The linked ${noun} does not exist (it may have been deleted).`,
      );
      expect(e('invalid_input', { key: `errors:findings.linkedOtherAudit.${type}` })).toBe(
        `The linked ${noun} belongs to another audit; a finding cites evidence from its own audit.`,
      );
      expect(e('conflict', { key: `errors:findings.citedByIssued.${type}`, params: { numbers: 'OFI-03' } })).toBe(
        `This ${noun} is objective evidence of issued finding OFI-03 and cannot be deleted.`,
      );
    }
    for (const what of ['interview', 'observation', 'document'] as const)
      expect(e('not_found', { key: `errors:records.notFound.${what}` })).toBe(
        `This ${what} does not exist (it or its audit may have been deleted).`,
      );
    const start = '2026-03-02';
    expect(e('invalid_input', { key: 'errors:findings.closingBeforeStart', params: { start } })).toBe(
      `The closing meeting cannot be before the audit starts (${start}).`,
    );
    expect(e('not_found', { key: 'errors:records.noSuchEntry', params: { id: 'x1' } })).toBe(
      `No such entry to update in this record (x1)`,
    );
  });

  it('pluralise by the reader’s language', () => {
    const one = { key: 'errors:clients.hasAudits', params: { client: 'A', count: 1 } } as const;
    const many = { key: 'errors:clients.hasAudits', params: { client: 'A', count: 4 } } as const;
    expect(errorText('de', one)).toMatch(/^A hat 1 Audit;/);
    expect(errorText('de', many)).toMatch(/^A hat 4 Audits;/);
    expect(errorText('fr', one)).toMatch(/^A a 1 audit ;/);
    expect(errorText('fr', many)).toMatch(/^A a 4 audits ;/);
  });
});
