/**
 * Just enough of the Open Packaging Conventions (ECMA-376 Part 2) to sign a
 * package: its parts, their content types, relationships, and the
 * Relationship Transform that signs a relationships part by meaning rather
 * than bytes.
 */
import { DOMParser, type Element as XElement } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { DomainError } from '#shared/api/result';
import { unzipBounded, ZipRefused } from '../files/unzip';
import { escapeAttr } from './c14n';
import { CONTENT_TYPE, NOT_DOCX, NS, PART } from './names';

export interface Package {
  /** Zip entry name (no leading slash) → bytes; folders left out. */
  parts: Map<string, Buffer>;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  targetMode: string;
}

/** Zip entry name → OPC part name. */
export const partName = (entry: string): string => `/${entry}`;

/** Unpacked size and entry count beyond which a file is refused (zip bombs); never more than this is inflated. */
export const PACKAGE_LIMITS = { unpackedBytes: 512 * 1024 * 1024, entries: 10_000 } as const;

export async function readPackage(bytes: Buffer): Promise<Package> {
  let parts: Map<string, Buffer>;
  try {
    parts = await unzipBounded(bytes, PACKAGE_LIMITS);
  } catch (e) {
    if (!(e instanceof ZipRefused)) throw e;
    if (e.problem === 'damaged') throw new DomainError('invalid_input', NOT_DOCX);
    throw new DomainError(
      'too_large',
      e.problem === 'understated'
        ? 'This document holds more data than its zip index declares, as zip bombs do; it was not unpacked further.'
        : 'This document is too large to check (over 512 MB unpacked or 10,000 parts).',
    );
  }
  if (!parts.has(PART.contentTypes) || !parts.has(PART.packageRels)) throw new DomainError('invalid_input', NOT_DOCX);
  return { parts };
}

const STORED = /\.(?:jpe?g|png|gif|webp)$/i;

/** Writes the parts back as a zip, [Content_Types].xml first as OPC readers expect. */
export async function writePackage(pkg: Package): Promise<Buffer> {
  const zip = new JSZip();
  const names = [...pkg.parts.keys()].sort((a, b) =>
    a === PART.contentTypes ? -1 : b === PART.contentTypes ? 1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const date = new Date(Date.UTC(1980, 0, 1, 12));
  for (const name of names) {
    // Images are compressed already: deflating them again costs seconds on a photo-heavy report and saves nothing.
    const compression = STORED.test(name) ? 'STORE' : 'DEFLATE';
    zip.file(name, pkg.parts.get(name)!, { date, createFolders: false, compression });
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** Parses XML, throwing a plain Error on anything malformed (xmldom only warns by default). */
export function parseXml(bytes: Buffer | string): XElement {
  const doc = new DOMParser({
    onError: (level, msg) => {
      if (level !== 'warning') throw new Error(`XML ${level}: ${msg}`);
    },
  }).parseFromString(typeof bytes === 'string' ? bytes : bytes.toString('utf8'), 'application/xml');
  if (!doc.documentElement) throw new Error('XML without a root element');
  return doc.documentElement;
}

export const childElements = (el: XElement, ns: string, local: string): XElement[] => {
  const out: XElement[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 1 && (c as XElement).namespaceURI === ns && (c as XElement).localName === local) {
      out.push(c as XElement);
    }
  }
  return out;
};

export class ContentTypes {
  private readonly defaults = new Map<string, string>();
  private readonly overrides = new Map<string, string>();

  constructor(xml: Buffer) {
    const root = parseXml(xml);
    for (const d of childElements(root, NS.contentTypes, 'Default')) {
      this.defaults.set(d.getAttribute('Extension')!.toLowerCase(), d.getAttribute('ContentType')!);
    }
    for (const o of childElements(root, NS.contentTypes, 'Override')) {
      this.overrides.set(o.getAttribute('PartName')!.toLowerCase(), o.getAttribute('ContentType')!);
    }
  }

  /** The content type of a part ('/word/document.xml'), or null when none is declared. */
  of(part: string): string | null {
    const override = this.overrides.get(part.toLowerCase());
    if (override) return override;
    const dot = part.lastIndexOf('.');
    return dot > part.lastIndexOf('/') ? (this.defaults.get(part.slice(dot + 1).toLowerCase()) ?? null) : null;
  }
}

export const isRelationshipsPart = (entry: string): boolean => /(^|\/)_rels\/[^/]*\.rels$/.test(entry);

export function readRelationships(xml: Buffer): Relationship[] {
  const root = parseXml(xml);
  if (root.namespaceURI !== NS.rels || root.localName !== 'Relationships') throw new Error('Not a relationships part');
  return childElements(root, NS.rels, 'Relationship').map((r) => ({
    id: r.getAttribute('Id') ?? '',
    type: r.getAttribute('Type') ?? '',
    target: r.getAttribute('Target') ?? '',
    targetMode: r.getAttribute('TargetMode') || 'Internal',
  }));
}

/**
 * The Relationship Transform followed by C14N: the selected relationships,
 * sorted by Id, TargetMode made explicit, nothing else — so reformatting the
 * part does not break a signature but changing a relationship does.
 */
export function transformRelationships(rels: readonly Relationship[], sourceIds: readonly string[]): string {
  const wanted = new Set(sourceIds);
  const chosen = rels.filter((r) => wanted.has(r.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const body = chosen
    .map(
      (r) =>
        `<Relationship Id="${escapeAttr(r.id)}" Target="${escapeAttr(r.target)}" ` +
        `TargetMode="${escapeAttr(r.targetMode)}" Type="${escapeAttr(r.type)}"></Relationship>`,
    )
    .join('');
  return `<Relationships xmlns="${NS.rels}">${body}</Relationships>`;
}

/** Adds a Default or Override to [Content_Types].xml unless the part already resolves to that type. */
export function declareContentType(xml: Buffer, part: string, type: string, byExtension: boolean): Buffer {
  if (new ContentTypes(xml).of(part) === type) return xml;
  const text = xml.toString('utf8');
  const entry = byExtension
    ? `<Default Extension="${part.slice(part.lastIndexOf('.') + 1)}" ContentType="${type}"/>`
    : `<Override PartName="${part}" ContentType="${type}"/>`;
  const end = text.lastIndexOf('</Types>');
  if (end < 0) throw new DomainError('invalid_input', NOT_DOCX);
  return Buffer.from(text.slice(0, end) + entry + text.slice(end), 'utf8');
}

/** Adds a relationship to a relationships part (or creates the part). */
export function addRelationship(xml: Buffer | undefined, rel: Omit<Relationship, 'targetMode'>): Buffer {
  const entry = `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${rel.target}"/>`;
  if (!xml) {
    return Buffer.from(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rels}">${entry}</Relationships>`,
      'utf8',
    );
  }
  const text = xml.toString('utf8');
  const selfClosed = text.match(/<Relationships\b[^>]*\/>\s*$/);
  if (selfClosed) return Buffer.from(text.replace(/\/>\s*$/, `>${entry}</Relationships>`), 'utf8');
  const end = text.lastIndexOf('</Relationships>');
  if (end < 0) throw new DomainError('invalid_input', NOT_DOCX);
  return Buffer.from(text.slice(0, end) + entry + text.slice(end), 'utf8');
}

export const RELS_CONTENT_TYPE = CONTENT_TYPE.relationships;
