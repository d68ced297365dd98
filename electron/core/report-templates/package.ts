import { DomainError } from '#shared/api/result';
import { unzipBounded, ZipRefused } from '../files/unzip';
import { ContentTypes } from '../signing/opc';

/**
 * A Word template's parts, read with limits on the work actually done
 * (files/unzip.ts counts the bytes really inflated, so a zip bomb is stopped
 * at the limit whatever its index says). What comes out is a plain .docx:
 * no macros, no signature (the rendered report gets our own), no entry names
 * that climb out of the package.
 */

/** A template is a few hundred KB unpacked; 64 MB and 2,000 parts leave room for large embedded images. */
export const TEMPLATE_ZIP_LIMITS = { unpackedBytes: 64 * 1024 * 1024, entries: 2000 } as const;

const WORD_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml';
const WORD_TEMPLATE_MAIN = 'application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml';

const NOT_WORD = 'This file is not a Word document (.docx). Save the template in Word as “Word Document (*.docx)”.';

const refuse = (message: string) => new DomainError('invalid_input', message);

export async function readTemplateParts(bytes: Buffer): Promise<Map<string, Buffer>> {
  let parts: Map<string, Buffer>;
  try {
    parts = await unzipBounded(bytes, TEMPLATE_ZIP_LIMITS);
  } catch (e) {
    if (!(e instanceof ZipRefused)) throw e;
    if (e.problem === 'damaged') throw refuse(NOT_WORD);
    throw new DomainError(
      'too_large',
      e.problem === 'understated'
        ? 'This file unpacks to far more data than it declares, as a zip bomb does; it was not unpacked further and nothing was stored.'
        : 'This file is too large for a template (over 64 MB unpacked or 2,000 parts); nothing was stored.',
    );
  }
  for (const name of parts.keys()) {
    if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..')) throw refuse(NOT_WORD);
  }
  const types = parts.get('[Content_Types].xml');
  if (!types || !parts.has('word/document.xml') || !parts.has('_rels/.rels')) throw refuse(NOT_WORD);
  let main: string | null;
  try {
    main = new ContentTypes(types).of('/word/document.xml');
  } catch {
    throw refuse(NOT_WORD);
  }
  if (main !== WORD_MAIN && main !== WORD_TEMPLATE_MAIN) {
    throw refuse(
      main?.includes('macroEnabled')
        ? 'This Word file contains macros; save the template as a plain Word document (.docx), without macros.'
        : NOT_WORD,
    );
  }
  if ([...parts.keys()].some((n) => /vbaProject\.bin$/i.test(n))) {
    throw refuse('This Word file contains macros; save the template as a plain Word document (.docx), without macros.');
  }
  if ([...parts.keys()].some((n) => n.startsWith('_xmlsignatures/'))) {
    throw refuse(
      'This template is digitally signed; remove the signature in Word (or save a copy) and import that: each report gets its own signature.',
    );
  }
  return parts;
}

/** The template as Word will read it once rendered: a template (.dotx) main part is declared as a document. */
export function asDocument(parts: Map<string, Buffer>): void {
  const types = parts.get('[Content_Types].xml')!.toString('utf8');
  if (types.includes(WORD_TEMPLATE_MAIN)) {
    parts.set('[Content_Types].xml', Buffer.from(types.split(WORD_TEMPLATE_MAIN).join(WORD_MAIN), 'utf8'));
  }
}
