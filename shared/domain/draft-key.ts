import { z } from 'zod';

/**
 * The key the renderer's draft journal (IndexedDB) seals typed text with: 32 bytes, base64. The backend derives it
 * from the data folder's key (an encrypted folder) or from a random secret kept in the folder (a plain one), so the
 * browser profile alone never reads as text what was typed; the renderer holds it only in memory, non-extractable.
 */
export const DraftKey = z.strictObject({
  key: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'A draft key is 32 bytes in base64.'),
});
export type DraftKey = z.infer<typeof DraftKey>;
