/** "1 interview", "2 interviews": the count and the noun (or noun and verb) that agrees with it. */
export const countPhrase = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** "a, b and c"; "a and b"; "a". */
export function joinAnd(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`;
}

/**
 * "1 interview and 1 observation were recorded", "1 interview was recorded":
 * the verb agrees with the whole list, not its last count. Zero counts are left out;
 * null when every count is zero.
 */
export function recordedSentence(counts: readonly { n: number; one: string; many: string }[]): string | null {
  const present = counts.filter((c) => c.n > 0);
  if (present.length === 0) return null;
  const plural = present.length > 1 || (present[0]?.n ?? 0) > 1;
  return `${joinAnd(present.map((c) => countPhrase(c.n, c.one, c.many)))} ${plural ? 'were' : 'was'} recorded.`;
}
