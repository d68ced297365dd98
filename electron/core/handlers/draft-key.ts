import { DomainError } from '#shared/api/result';
import type { DraftKey } from '#shared/domain/draft-key';
import { draftJournalKey } from '../crypto/db-key';
import { plainDraftSecret } from '../crypto/draft-secret';
import { readKeyFile } from '../crypto/key-file';
import type { SecurityHost } from './security';

/**
 * `security.draftKey`: the key the renderer seals its draft journal with, derived afresh on each call (nothing
 * kept). Encrypted folder: HKDF of the data key, so it exists only while unlocked — refused with `locked`
 * otherwise. Plain folder: HKDF of the folder's drafts secret (crypto/draft-secret.ts), the same for every
 * window on the folder. The answer is the key itself: it goes only to this app's own window (IPC, or the
 * preview host's token-checked localhost API), never into a log.
 */
export function draftKeyOf(host: SecurityHost): DraftKey {
  if (host.locked()) throw lockedError();
  const dataKey = host.dataKey();
  if (dataKey) return { key: draftJournalKey(dataKey).toString('base64') };
  // A key file and no key: this backend could not unlock the folder, so nor may the drafts be.
  if (readKeyFile(host.dataDir)) throw lockedError();
  return { key: draftJournalKey(plainDraftSecret(host.dataDir)).toString('base64') };
}

const lockedError = () =>
  new DomainError('locked', 'Fieldwork is locked. Unlock it with your passphrase to continue; nothing was changed.');
