import { fileKey, type FileKey } from './file-cipher';
import { nameKey, storedName, type NameKey } from './file-names';

/**
 * What an encrypted data folder's file stores need: the content key and the
 * name key, both derived from the folder's data key. Null for a plain folder,
 * whose files stay as they always were (named by SHA-256, not encrypted).
 */
export interface FolderCipher {
  readonly file: FileKey;
  readonly names: NameKey;
}

const derived = new WeakMap<Buffer, FolderCipher>();

/** The folder's keys (derived once per data key), or null when the folder is not encrypted. */
export function folderCipher(ctx: { readonly dataKey?: Buffer | null }): FolderCipher | null {
  const dataKey = ctx.dataKey;
  if (!dataKey) return null;
  let cipher = derived.get(dataKey);
  if (!cipher) {
    cipher = { file: fileKey(dataKey), names: nameKey(dataKey) };
    derived.set(dataKey, cipher);
  }
  return cipher;
}

/** The on-disk name of the file whose content address is `sha256`: the address itself in a plain folder. */
export const fileNameOf = (cipher: FolderCipher | null, sha256: string): string =>
  cipher ? storedName(cipher.names, sha256) : sha256;
