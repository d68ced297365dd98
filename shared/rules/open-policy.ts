/**
 * Which attachments the desktop app hands to another app, and under what name.
 *
 * A client's file is untrusted: opened by the OS, `report.pdf.exe`, `.hta`,
 * `.js`, `.lnk`, `.desktop` … would run. So only documents and media of the
 * types below are opened, and only when both the type sniffed from the bytes
 * and the name's extension are on the list; the copy then carries the
 * canonical extension of the sniffed type, never the client's own. Anything
 * else is only shown in its folder, after a warning.
 *
 * Left out on purpose: HTML, SVG and XML (scripts in a browser), mail files
 * (.eml/.msg: active HTML and attachments of their own), legacy Office files
 * and the macro-enabled OOXML ones (.doc, .xls, .docm, .xlsm, .pptm: macros),
 * archives, and every executable or script type.
 */

interface OpenableType {
  /** The extension the copy is given. */
  canonical: string;
  /** Extensions a file of this type may be named with (besides the canonical one). */
  also?: readonly string[];
}

const OOXML = 'application/vnd.openxmlformats-officedocument';
const ODF = 'application/vnd.oasis.opendocument';

/** Keys are media types as the evidence store records them (sniffed, see electron/core/evidence/media.ts). */
const OPENABLE: Readonly<Record<string, OpenableType>> = {
  'application/pdf': { canonical: 'pdf' },
  'image/png': { canonical: 'png' },
  'image/jpeg': { canonical: 'jpg', also: ['jpeg'] },
  'image/gif': { canonical: 'gif' },
  'image/webp': { canonical: 'webp' },
  'image/heic': { canonical: 'heic', also: ['heif'] },
  'image/heif': { canonical: 'heif', also: ['heic'] },
  'image/tiff': { canonical: 'tif', also: ['tiff'] },
  'video/mp4': { canonical: 'mp4', also: ['m4v'] },
  'video/quicktime': { canonical: 'mov' },
  'audio/x-m4a': { canonical: 'm4a' },
  'audio/mp4': { canonical: 'm4a' },
  'audio/mpeg': { canonical: 'mp3' },
  'audio/wav': { canonical: 'wav' },
  'text/plain': { canonical: 'txt', also: ['log'] },
  'text/csv': { canonical: 'csv' },
  [`${OOXML}.wordprocessingml.document`]: { canonical: 'docx' },
  [`${OOXML}.spreadsheetml.sheet`]: { canonical: 'xlsx' },
  [`${OOXML}.presentationml.presentation`]: { canonical: 'pptx' },
  [`${ODF}.text`]: { canonical: 'odt' },
  [`${ODF}.spreadsheet`]: { canonical: 'ods' },
  [`${ODF}.presentation`]: { canonical: 'odp' },
};

const OPENABLE_EXTENSIONS = new Set(Object.values(OPENABLE).flatMap((t) => [t.canonical, ...(t.also ?? [])]));

export type OpenDecision =
  { action: 'open'; copyName: string } | { action: 'show_in_folder'; copyName: string; reason: string };

// Windows drops trailing dots and spaces from a name: `evil.exe.` is `evil.exe` there.
const stripTrailing = (name: string) => name.replace(/[. ]+$/, '');
// Characters no Windows name may hold (':' would also address an NTFS stream), and controls.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARS = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A file name safe on every desktop OS: no path parts, stream markers, reserved names or trailing dots. */
function safeName(name: string): string {
  let safe = stripTrailing(name.replace(UNSAFE_CHARS, '_').trim()).slice(0, 150);
  safe = stripTrailing(safe);
  if (safe === '' || /^\.+$/.test(safe)) return 'attachment';
  return RESERVED.test(safe) ? `_${safe}` : safe;
}

/** The extension as the OS sees it (lower case, '' for none), trailing dots and spaces removed first. */
export function effectiveExtension(name: string): string {
  const m = /\.([^.]*)$/.exec(stripTrailing(name));
  return m ? m[1]!.toLowerCase() : '';
}

/**
 * Decides for one attachment, from its stored name and sniffed media type.
 * Pure, so the renderer labels its button ("Open with its app" or "Show in
 * folder") with the same answer the main process enforces.
 */
export function openPolicy(originalName: string, mediaType: string): OpenDecision {
  const type = OPENABLE[mediaType.trim().toLowerCase()];
  const extension = effectiveExtension(originalName);
  if (type && OPENABLE_EXTENSIONS.has(extension)) {
    const dot = stripTrailing(originalName).lastIndexOf('.');
    const stem = safeName(stripTrailing(originalName).slice(0, dot));
    return { action: 'open', copyName: `${stem}.${type.canonical}` };
  }
  const reason = type
    ? `its name ends in “.${extension || '(nothing)'}”, which is not a document or media type Fieldwork opens`
    : `its content (${mediaType || 'unknown type'}) is not a document or media type Fieldwork opens`;
  return { action: 'show_in_folder', copyName: safeName(originalName), reason };
}
