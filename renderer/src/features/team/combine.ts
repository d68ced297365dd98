import type { ConflictView } from '#shared/domain/team';

/** Each distinct text once, in clock order: the starting point of the combined text. */
export function combinedDraft(conflict: ConflictView): string {
  const texts = conflict.candidates
    .filter((c) => !c.deleted && typeof c.value === 'string' && c.value.trim() !== '')
    .map((c) => c.value as string);
  return [...new Set(texts)].join('\n\n');
}
