import type { z } from 'zod';
import { DomainError } from '#shared/api/result';

/**
 * A keyset list's position: the sort keys of the last row shown, as JSON. The
 * caller hands back what it was given; anything else is refused, not guessed.
 */
export const encodeCursor = (keys: readonly (string | number)[]): string => JSON.stringify(keys);

export function decodeCursor<T extends z.ZodType>(schema: T, cursor: string): z.infer<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(cursor);
  } catch {
    parsed = undefined;
  }
  const keys = schema.safeParse(parsed);
  if (!keys.success) {
    throw new DomainError('invalid_input', 'This list position is not one Fieldwork gave: reload the list.', [
      { path: ['after'], message: 'Not a list position' },
    ]);
  }
  return keys.data;
}
