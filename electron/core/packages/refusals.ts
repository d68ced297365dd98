import { DomainError } from '#shared/api/result';
import { PACKAGE_FORMAT_VERSION } from '#shared/domain/package';

/**
 * Every way a team package is refused, with the message the user sees. Names
 * from inside the package are quoted shortened, as JSON, so control characters
 * and right-to-left marks cannot disguise them.
 */
const quote = (name: string): string => {
  const s = JSON.stringify(name.length > 80 ? `${name.slice(0, 80)}…` : name);
  return `“${s.slice(1, -1)}”`;
};
const NOTHING = 'Nothing was imported.';
const bad = (message: string) => new DomainError('invalid_input', `${message} ${NOTHING}`);
const large = (message: string) => new DomainError('too_large', `${message} ${NOTHING}`);
const UNSAFE = 'it was refused as unsafe.';
const TAMPERED = 'it may have been tampered with.';

export const refused = {
  noFile: () =>
    new DomainError('not_found', `This team package file does not exist (it may have been moved). ${NOTHING}`),
  unreadable: (code: string) =>
    new DomainError('storage', `Fieldwork may not read this team package file (${code}). ${NOTHING}`),
  notZip: () => bad('This file is not a Fieldwork team package (it is not a ZIP file).'),
  truncated: () =>
    bad('This team package is incomplete: the file was cut short, perhaps by an interrupted copy. Ask for it again.'),
  damaged: () => bad('This team package is damaged: its ZIP structure cannot be read. Ask for it again.'),
  tooLarge: (entries: number, mb: number) =>
    large(`This team package is larger than Fieldwork accepts (at most ${entries} entries and ${mb} MB unpacked).`),
  bomb: () =>
    large(
      'This team package holds more data than its zip index declares, as zip bombs do; it was not unpacked further.',
    ),
  duplicate: () => bad(`This team package holds two entries of the same name; ${TAMPERED}`),
  traversal: (name: string) =>
    bad(`This team package holds an entry whose name leaves its folder (${quote(name)}); ${UNSAFE}`),
  absolute: (name: string) => bad(`This team package holds an entry with an absolute path (${quote(name)}); ${UNSAFE}`),
  drive: (name: string) => bad(`This team package holds an entry with a drive letter (${quote(name)}); ${UNSAFE}`),
  backslash: (name: string) =>
    bad(`This team package holds an entry whose name has a backslash (${quote(name)}); ${UNSAFE}`),
  symlink: (name: string) =>
    bad(`This team package holds a symbolic link (${quote(name)}); packages never hold links, so ${UNSAFE}`),
  oversized: (name: string, mb: number) =>
    large(`The entry ${quote(name)} in this team package is larger than Fieldwork accepts (at most ${mb} MB).`),
  noManifest: () => bad('This team package has no manifest.json: it is not a package Fieldwork wrote.'),
  unsigned: () => bad('This team package is not signed (it has no signature.json).'),
  manifest: (detail: string) => bad(`This team package's manifest is not valid (${detail}).`),
  newerFormat: (version: number) =>
    new DomainError(
      'unsupported',
      `This team package was written by a newer version of Fieldwork (package format ${version}; this version reads ` +
        `formats 1 to ${PACKAGE_FORMAT_VERSION}). Update Fieldwork, then import it again. ${NOTHING}`,
    ),
  signatureRecord: (detail: string) => bad(`This team package's signature record is not valid (${detail}).`),
  certificate: () => bad("This team package's signing certificate cannot be read or uses an unsupported key."),
  fingerprint: () => bad(`This team package's signature names a certificate it does not carry; ${TAMPERED}`),
  signature: () =>
    bad("This team package's signature does not match its contents: it was changed after it was signed, or damaged."),
  unlisted: (name: string) =>
    bad(`This team package holds an entry its manifest does not list (${quote(name)}); ${TAMPERED}`),
  missing: (name: string) =>
    bad(
      `This team package's manifest lists ${quote(name)}, which the package does not hold; it is incomplete or ${TAMPERED.slice(3)}`,
    ),
  size: (name: string) =>
    bad(`The entry ${quote(name)} is not the size this team package's manifest states; ${TAMPERED}`),
  hash: (name: string) =>
    bad(`The entry ${quote(name)} in this team package does not match its SHA-256: it was changed or damaged.`),
  record: (file: string, line: number, detail: string) =>
    bad(`Line ${line} of ${file} in this team package is not a valid record (${detail}).`),
  /** An upload kept sealed in an encrypted folder failed a chunk's check while it was read: changed on disk since. */
  sealedDamaged: () =>
    new DomainError(
      'storage',
      'The uploaded team package was changed or damaged on this computer after it was received (part of it failed ' +
        `its integrity check). Upload it again. ${NOTHING}`,
    ),
  future: (at: string) =>
    bad(
      `This team package carries a clock more than a day ahead of this computer's (${at}). Check the date and time ` +
        'on both laptops, then export the package again.',
    ),
};
