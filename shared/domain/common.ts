import { z } from 'zod';

/** UUIDv7: time-ordered, so rows from several laptops merge and sort by creation. */
export const Id = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'Not a valid record id');
export type Id = z.infer<typeof Id>;

/**
 * An unpaired UTF-16 surrogate: text no file format or database can store as
 * it was given (SQLite would silently swap it for U+FFFD, a signature's UTF-8
 * encoder throws). A regex rather than String.prototype.isWellFormed, which
 * shared/'s ES2023 library does not declare.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const isWellFormedText = (s: string): boolean => !LONE_SURROGATE.test(s);
export const ILL_FORMED_MESSAGE = 'contains a broken character (an unpaired UTF-16 surrogate)';

/**
 * Where in a parsed input (JSON-like: objects, arrays, strings, numbers) the
 * first ill-formed string is, as a path, or null. The backend checks every
 * input with it before its schema, so no string field can let one through.
 */
export function findIllFormedText(value: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isWellFormedText(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllFormedText(value[i], [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      // A key is a string too (an extra field is refused by the schema anyway).
      if (!isWellFormedText(key)) return [...path, key];
      const found = findIllFormedText(v, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** Trimmed text with an upper bound, so no field can carry megabytes into the database. */
export const text = (max: number, label = 'This field') =>
  z
    .string()
    .trim()
    .max(max, `${label} is too long (at most ${max} characters)`)
    .refine(isWellFormedText, `${label} ${ILL_FORMED_MESSAGE}`);
export const requiredText = (max: number, label: string) => text(max, label).min(1, `${label} is required`);

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-03-14')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'Not a real calendar date');

export const Timestamp = z.string();

/** Bookkeeping every stored row carries, for the coming multi-laptop merge. */
export const RowMeta = z.object({
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deviceId: z.string(),
});
export type RowMeta = z.infer<typeof RowMeta>;
