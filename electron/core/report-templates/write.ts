import type { Language } from '#shared/i18n/languages';
import { SIGNING_STAGE, type BuildHooks, type WrittenDocx } from '../export/report/build';
import { finishDocx, photoEntry, writePhoto, type WrittenMedia } from '../export/report/docx-package';
import { ZipFileWriter } from '../export/report/zip-writer';
import type { ReportModel } from '../export/report/model';
import { displaySize, preparePhoto, throwIfAborted } from '../export/report/photos';
import { xmlSafeDeep } from '../export/report/xml-safe';
import { declareContentType, addRelationship, readRelationships } from '../signing/opc';
import { asDocument, readTemplateParts } from './package';
import { photoMarker, templateData } from './placeholders';
import { compileTemplate } from './render';

/** A stored template as the export worker is given it (no database there). */
export interface TemplateTask {
  bytes: Uint8Array;
  sha256: string;
  name: string;
  language: Language;
}

const EMU_PER_PX = 9525;
const NS_WP = 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing';
const NS_A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const NS_PIC = 'http://schemas.openxmlformats.org/drawingml/2006/picture';
const NS_R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_IMAGE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/image';
const DOC_RELS = 'word/_rels/document.xml.rels';

/** An inline picture (namespaces declared on the spot: a template's root may not declare them). */
function drawing(n: number, relId: string, width: number, height: number): string {
  const size = displaySize(width, height);
  const cx = size.width * EMU_PER_PX;
  const cy = size.height * EMU_PER_PX;
  const id = 90_000 + n;
  return (
    `<w:drawing><wp:inline xmlns:wp="${NS_WP}" distT="0" distB="0" distL="0" distR="0">` +
    `<wp:extent cx="${cx}" cy="${cy}"/><wp:docPr id="${id}" name="Photo ${n}"/>` +
    `<a:graphic xmlns:a="${NS_A}"><a:graphicData uri="${NS_PIC}"><pic:pic xmlns:pic="${NS_PIC}">` +
    `<pic:nvPicPr><pic:cNvPr id="${id}" name="photo-${n}.jpg"/><pic:cNvPicPr/></pic:nvPicPr>` +
    `<pic:blipFill><a:blip xmlns:r="${NS_R}" r:embed="${relId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm>` +
    `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>` +
    `</wp:inline></w:drawing>`
  );
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The text run holding `marker` split around `replacement` (a drawing, or text in its own w:t). */
function replaceMarker(xml: string, marker: string, replacement: string): string {
  const at = new RegExp(`<w:t(?:\\s[^>]*)?>([^<]*?)${marker}([^<]*)</w:t>`, 'g');
  return xml.replace(
    at,
    (_all, before: string, after: string) =>
      `<w:t xml:space="preserve">${before}</w:t>${replacement}<w:t xml:space="preserve">${after}</w:t>`,
  );
}

/**
 * The template's photos: each `{%photo}` the render left as a marker becomes
 * the photo, shrunk as in the built-in report and written into the package at
 * once (as build.ts does), with its relationship; a photo whose file is
 * missing or unreadable becomes a line of text and a warning.
 */
async function placePhotos(
  model: ReportModel,
  parts: Map<string, Buffer>,
  zip: ZipFileWriter,
  media: WrittenMedia,
  hooks: BuildHooks,
): Promise<string[]> {
  let xml = parts.get('word/document.xml')!.toString('utf8');
  const wanted = model.photos.map((_, i) => i + 1).filter((n) => xml.includes(photoMarker(n)));
  if (wanted.length === 0) return [];
  let rels = parts.get(DOC_RELS);
  const taken = new Set(rels ? readRelationships(rels).map((r) => r.id) : []);
  const warnings: string[] = [];
  let done = 0;
  for (const n of wanted) {
    throwIfAborted(hooks.signal);
    const photo = model.photos[n - 1]!;
    const prepared = await preparePhoto(photo.path, photo.fileKey);
    if (prepared.ok) {
      await writePhoto(zip, media, n, prepared.jpeg);
      let relId = `rIdFwPhoto${n}`;
      while (taken.has(relId)) relId += 'x';
      taken.add(relId);
      rels = addRelationship(rels, { id: relId, type: REL_IMAGE, target: photoEntry(n).slice('word/'.length) });
      xml = replaceMarker(xml, photoMarker(n), drawing(n, relId, prepared.width, prepared.height));
    } else {
      const words = `[Photo ${photo.ref} ${prepared.reason === 'missing' ? 'missing' : 'unreadable'}: ${photo.fileName}]`;
      warnings.push(`${photo.fileName} (${photo.ref}) could not be placed: the file is ${prepared.reason}.`);
      xml = replaceMarker(xml, photoMarker(n), `<w:t xml:space="preserve">${escapeText(words)}</w:t>`);
    }
    hooks.onProgress?.(++done, wanted.length, `Photos ${done} of ${wanted.length}`);
  }
  parts.set('word/document.xml', Buffer.from(xml, 'utf8'));
  parts.set(DOC_RELS, rels!);
  parts.set(
    '[Content_Types].xml',
    declareContentType(parts.get('[Content_Types].xml')!, '/word/media/photo.jpg', 'image/jpeg', true),
  );
  return warnings;
}

const CUSTOM = 'docProps/custom.xml';
const CUSTOM_TYPE = 'application/vnd.openxmlformats-officedocument.custom-properties+xml';
const CUSTOM_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties';
const NS_CUSTOM = 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties';
const NS_VT = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';

/**
 * The template's SHA-256 in the document's custom properties (Word: File ›
 * Properties › Custom), whatever the template prints: the signature covers it,
 * so a reader can tell which template made the report.
 */
export function recordTemplate(parts: Map<string, Buffer>, sha256: string): void {
  const property = (pid: number) =>
    `<property fmtid="${FMTID}" pid="${pid}" name="Fieldwork template SHA-256"><vt:lpwstr>${sha256}</vt:lpwstr></property>`;
  const existing = parts.get(CUSTOM)?.toString('utf8');
  if (existing && existing.includes('</Properties>')) {
    const pids = [...existing.matchAll(/pid="(\d+)"/g)].map((m) => Number(m[1]));
    const next = Math.max(1, ...pids) + 1;
    const withVt = existing.includes(`xmlns:vt="${NS_VT}"`)
      ? property(next)
      : property(next).replace('<vt:lpwstr>', `<vt:lpwstr xmlns:vt="${NS_VT}">`);
    parts.set(CUSTOM, Buffer.from(existing.replace('</Properties>', `${withVt}</Properties>`), 'utf8'));
    return;
  }
  parts.set(
    CUSTOM,
    Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="${NS_CUSTOM}" xmlns:vt="${NS_VT}">${property(2)}</Properties>`,
      'utf8',
    ),
  );
  const rels = parts.get('_rels/.rels')!;
  const ids = new Set(readRelationships(rels).map((r) => r.id));
  let id = 'rIdFwCustom';
  while (ids.has(id)) id += 'x';
  parts.set('_rels/.rels', addRelationship(rels, { id, type: CUSTOM_REL, target: CUSTOM }));
  parts.set(
    '[Content_Types].xml',
    declareContentType(parts.get('[Content_Types].xml')!, `/${CUSTOM}`, CUSTOM_TYPE, false),
  );
}

/**
 * The report (or NC list) in the certification body's own layout: the template
 * rendered with the model's values, photos placed, the template's SHA-256
 * recorded, then signed when issuing — render first, so the signature covers
 * the rendered document. Runs in the export worker, streaming like build.ts.
 */
export async function writeTemplateDocx(
  input: ReportModel,
  template: TemplateTask,
  path: string,
  hooks: BuildHooks = {},
): Promise<WrittenDocx> {
  const model = xmlSafeDeep(input);
  const source = await readTemplateParts(Buffer.from(template.bytes));
  asDocument(source);
  hooks.onProgress?.(0, 1, 'Filling in the template');
  const parts = compileTemplate(source).render(templateData(model, template.language, template));
  recordTemplate(parts, template.sha256);
  // As build.ts's writeDocx, without its photo stand-ins: this document refers to its photos itself.
  const zip = await ZipFileWriter.create(path, hooks.sealWith ? { key: Buffer.from(hooks.sealWith) } : null);
  try {
    const media: WrittenMedia = new Map();
    const warnings = await placePhotos(model, parts, zip, media, hooks);
    throwIfAborted(hooks.signal);
    const written = await finishDocx(zip, parts, media, hooks.signer ?? null, () =>
      hooks.onProgress?.(0, 1, SIGNING_STAGE),
    );
    return { ...written, warnings };
  } catch (e) {
    await zip.discard();
    throw e;
  }
}
