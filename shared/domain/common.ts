import { z } from 'zod';

/** UUIDv7: time-ordered, so rows from several laptops merge and sort by creation. */
export const Id = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'Not a valid record id');
export type Id = z.infer<typeof Id>;

/** Trimmed text with an upper bound, so no field can carry megabytes into the database. */
export const text = (max: number, label = 'This field') =>
  z.string().trim().max(max, `${label} is too long (at most ${max} characters)`);
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
