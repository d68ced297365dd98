import { DomainError } from '#shared/api/result';

/**
 * File names arrive from browsers, drag-and-drop and the command line, and
 * later become the name of a copy handed to another app or a download. They
 * are kept as a label only (the store names files by digest), but are made
 * safe on every system: one path component, no control characters, nothing
 * Windows refuses, at most 255 bytes.
 */

/** Most file systems allow 255 bytes per name. */
export const NAME_MAX_BYTES = 255;
export const FALLBACK_NAME = 'attachment';

// C0/C1 controls, plus the bidirectional overrides that can disguise "gpj.exe" as "exe.jpg".
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// Characters Windows does not allow in file names.
const WINDOWS_RESERVED = /[<>:"|?*]/g;
// An extension worth keeping when shortening: short and without spaces.
const EXTENSION = /\.[^.\s]{1,16}$/;

export interface SafeName {
  name: string;
  /** How the name was changed, for the person who chose the file; null when it was kept as given. */
  renamed: string | null;
}

const utf8Bytes = (s: string): number => Buffer.byteLength(s, 'utf8');

/** Cuts `s` to at most `max` UTF-8 bytes without splitting a character. */
function cutToBytes(s: string, max: number): string {
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = utf8Bytes(ch);
    if (used + n > max) break;
    out += ch;
    used += n;
  }
  return out;
}

export function safeName(given: string): SafeName {
  const changes: string[] = [];
  const parts = given.split(/[\\/]/);
  let name = (parts[parts.length - 1] ?? '').normalize('NFC');
  if (parts.length > 1) changes.push('folder parts were removed');

  const withoutControls = name.replace(CONTROL, '');
  if (withoutControls !== name) changes.push('control characters were removed');
  name = withoutControls;

  const portable = name.replace(WINDOWS_RESERVED, '_');
  if (portable !== name) changes.push('characters not allowed in file names were replaced with “_”');
  name = portable;

  // Windows drops trailing dots and spaces; surrounding white space only confuses.
  const trimmed = name.trim().replace(/[. ]+$/, '');
  if (trimmed !== name && trimmed !== '') changes.push('surrounding spaces and trailing dots were removed');
  name = trimmed;

  if (name === '') {
    changes.push(
      given.trim() === ''
        ? `there was no name, so it is “${FALLBACK_NAME}”`
        : `the name was empty or only dots, so it is “${FALLBACK_NAME}”`,
    );
    name = FALLBACK_NAME;
  }

  if (utf8Bytes(name) > NAME_MAX_BYTES) {
    const ext = EXTENSION.exec(name)?.[0] ?? '';
    const stem = name.slice(0, name.length - ext.length);
    name = cutToBytes(stem, NAME_MAX_BYTES - utf8Bytes(ext)).trimEnd() + ext;
    changes.push(`it was shortened to ${NAME_MAX_BYTES} bytes${ext ? ', keeping the extension' : ''}`);
  }

  return { name, renamed: changes.length === 0 ? null : `Saved as “${name}”: ${changes.join('; ')}.` };
}

/** Empty files carry no evidence; the message names the file so a batch shows which one. */
export const emptyFileError = (name: string): DomainError =>
  new DomainError('invalid_input', `“${name}” is empty (0 bytes); nothing was added.`);
