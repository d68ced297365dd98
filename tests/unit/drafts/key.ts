import { randomBytes } from 'node:crypto';
import { importDraftKey, type JournalKey } from '../../../renderer/src/lib/drafts/seal';

/** A draft journal key as the renderer holds one: 32 random bytes, imported non-extractable (Node's WebCrypto). */
export const testDraftKey = (bytes: Buffer = randomBytes(32)): Promise<JournalKey> =>
  importDraftKey(bytes.toString('base64'));
