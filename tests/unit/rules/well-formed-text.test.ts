import { describe, expect, it } from 'vitest';
import { findIllFormedText, isWellFormedText, requiredText, text } from '#shared/domain/common';

describe('well-formed text (no unpaired UTF-16 surrogates)', () => {
  it.each([
    ['plain', 'Amelia Hartmann', true],
    ['a pair (emoji)', 'Team 🎉', true],
    ['a lone high surrogate at the end', 'Amelia\uD800', false],
    ['a lone high surrogate before a letter', '\uD83Dx', false],
    ['a lone low surrogate', '\uDE00 Hartmann', false],
    ['two high surrogates', '\uD83D\uD83D\uDE00', false],
    ['reversed pair', '\uDE00\uD83D', false],
  ])('%s', (_label, s, ok) => {
    expect(isWellFormedText(s)).toBe(ok);
    expect(text(100).safeParse(s).success).toBe(ok);
    expect(requiredText(100, 'Name').safeParse(s).success).toBe(ok);
  });

  it('says where the first broken string is, keys included', () => {
    expect(findIllFormedText({ a: ['ok', { b: 'x\uDC00' }] })).toEqual(['a', 1, 'b']);
    expect(findIllFormedText({ ['k\uD800']: 1 })).toEqual(['k\uD800']);
    expect(findIllFormedText('\uD800')).toEqual([]);
    expect(findIllFormedText({ a: 'fine 🎉', n: 1, z: null })).toBeNull();
  });
});
