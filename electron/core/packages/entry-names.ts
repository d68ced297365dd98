import type { ZipEntry } from '../files/unzip';
import { refused } from './refusals';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

/**
 * Refuses entry names an extractor could be tricked by, and symbolic links,
 * whatever the manifest says: a package is only ever read, never extracted,
 * but a name like these is a sign of a crafted file and must not reach a path.
 */
export function checkEntryName(entry: ZipEntry): void {
  const name = entry.name;
  if (name.includes('\\')) throw refused.backslash(name);
  if (/^[a-zA-Z]:/.test(name)) throw refused.drive(name);
  if (name.startsWith('/')) throw refused.absolute(name);
  if (name.split('/').some((part) => part === '..')) throw refused.traversal(name);
  // The Unix mode sits in the top 16 bits of the external attributes; other hosts leave them zero.
  if (((entry.externalAttributes >>> 16) & S_IFMT) === S_IFLNK) throw refused.symlink(name);
}
