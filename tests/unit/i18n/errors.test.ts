import { describe, expect, it } from 'vitest';
import { DomainError, fail } from '#shared/api/result';
import { errorText } from '#shared/i18n/errors/render';
import { errorsEn } from '#shared/i18n/errors/en';

/**
 * Errors raised with a key keep today's English `message` word for word (logs,
 * the CLI and scripts read it) and carry the key and params for the reader's
 * language. The expected texts below are copies of what the code said before
 * it had keys.
 */

type Tree = { readonly [k: string]: string | Tree };
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));

describe('keyed errors', () => {
  it('render every English key with sample params, nothing left unfilled', () => {
    for (const key of keys(errorsEn)) {
      const text = errorText('en', {
        key: `errors:${key}`,
        params: {
          message: 'x',
          lead: 'A',
          identity: 'B',
          from: '2026-01-01',
          on: '2026-01-01',
          client: 'C',
          count: 2,
          site: 'S',
          numbers: 'NC-01',
          start: '2026-01-01',
          id: 'x1',
        },
      });
      expect(text, key).not.toMatch(/\{\{|errors:/);
    }
  });

  it('say in English exactly what the old messages said', () => {
    const lead = 'Jana Weber';
    const identity = 'Tom Becker';
    const before = [
      [
        new DomainError('not_found', { key: 'errors:audits.notFound' }),
        'This audit does not exist (it may have been deleted).',
      ],
      [
        new DomainError('conflict', { key: 'errors:audits.deletePlannedOnly' }),
        'Only a planned audit can be deleted; once fieldwork has started its records are kept.',
      ],
      [
        new DomainError('forbidden', { key: 'errors:exports.notTheLead', params: { lead, identity } }),
        `Only the audit's lead auditor, ${lead}, can issue its documents; "${identity}" is another person's identity.`,
      ],
      [
        new DomainError('certificate_expired', {
          key: 'errors:exports.expired',
          params: { identity, on: '2025-12-31' },
        }),
        `The certificate of "${identity}" expired on 2025-12-31. Readers will see the signature was made with an expired certificate. Confirm to sign anyway, or create a new identity.`,
      ],
      [
        new DomainError('too_large', { key: 'errors:exports.tooLarge' }),
        'The document is too large to save (over 4 GB).',
      ],
    ] as const;
    for (const [error, message] of before) expect(error.message).toBe(message);
  });

  it('carry key and params across the boundary, and render in German and French', () => {
    const e = new DomainError('forbidden', { key: 'errors:exports.notTheLead', params: { lead: 'A', identity: 'B' } });
    const r = fail(e.code, e.message, e.issues, e.text);
    expect(r).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: e.message,
        key: 'errors:exports.notTheLead',
        params: { lead: 'A', identity: 'B' },
      },
    });
    expect(errorText('de', e.text!)).toBe(
      'Nur der Auditleiter des Audits, A, kann seine Dokumente freigeben; „B“ ist die Identität einer anderen Person.',
    );
    expect(errorText('fr', { key: 'errors:audits.notFound' })).toBe(
      "Cet audit n'existe pas (il a peut-être été supprimé).",
    );
    // An error without a key keeps its old shape.
    expect(fail('conflict', 'Old text.')).toEqual({ ok: false, error: { code: 'conflict', message: 'Old text.' } });
  });
});
