import { sign, X509Certificate, type KeyObject } from 'node:crypto';
import { XMLSerializer, type Element as XElement } from '@xmldom/xmldom';
import { DomainError } from '#shared/api/result';
import { canonicalize } from './c14n';
import { ALG, CONTENT_TYPE, ID, NOT_DOCX, NS, PART, REL_TYPE } from './names';
import {
  addRelationship,
  childElements,
  ContentTypes,
  declareContentType,
  isRelationshipsPart,
  parseXml,
  partName,
  readPackage,
  readRelationships,
  transformRelationships,
  writePackage,
  type Package,
} from './opc';
import {
  elementById,
  keyInfo,
  officeObject,
  packageObject,
  sha256b64,
  signedInfo,
  xadesObject,
  type ManifestEntry,
} from './signature-xml';

export interface Signer {
  certificateDer: Buffer;
  privateKey: KeyObject;
  signingTime: Date;
}

/** Signature parts are the only parts a package signature does not cover. */
export const isSignaturePart = (entry: string): boolean => entry.startsWith('_xmlsignatures/');

export function signatureMethodFor(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return ALG.rsaSha256;
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return ALG.ecdsaSha256;
  throw new DomainError('unsupported', 'Only RSA and ECDSA P-256 keys can sign documents.');
}

/**
 * One Manifest reference per part: everything but [Content_Types].xml and the signature parts.
 * `written`: parts not held in `pkg` (already streamed to the file), by their SHA-256 in base64.
 */
export function manifestEntries(pkg: Package, written: ReadonlyMap<string, string> = new Map()): ManifestEntry[] {
  const types = new ContentTypes(pkg.parts.get(PART.contentTypes)!);
  const entries: ManifestEntry[] = [];
  for (const entry of [...new Set([...pkg.parts.keys(), ...written.keys()])].sort()) {
    if (entry === PART.contentTypes || isSignaturePart(entry)) continue;
    const part = partName(entry);
    const contentType = types.of(part);
    if (!contentType) throw new DomainError('invalid_input', `${NOT_DOCX} (Part ${part} has no content type.)`);
    const digest = written.get(entry);
    if (digest !== undefined) {
      entries.push({ part, contentType, digest });
      continue;
    }
    const bytes = pkg.parts.get(entry)!;
    if (isRelationshipsPart(entry)) {
      const rels = readRelationships(bytes);
      const relationshipIds = rels.map((r) => r.id);
      entries.push({
        part,
        contentType,
        relationshipIds,
        digest: sha256b64(transformRelationships(rels, relationshipIds)),
      });
    } else {
      entries.push({ part, contentType, digest: sha256b64(bytes) });
    }
  }
  return entries;
}

function addSignatureParts(pkg: Package): void {
  const rootRels = pkg.parts.get(PART.packageRels)!;
  const rels = readRelationships(rootRels);
  if (rels.some((r) => r.type === REL_TYPE.origin) || [...pkg.parts.keys()].some(isSignaturePart)) {
    throw new DomainError('conflict', 'This document is already signed.');
  }
  let n = rels.length + 1;
  while (rels.some((r) => r.id === `rId${n}`)) n++;
  pkg.parts.set(
    PART.packageRels,
    addRelationship(rootRels, { id: `rId${n}`, type: REL_TYPE.origin, target: PART.origin }),
  );
  pkg.parts.set(PART.origin, Buffer.alloc(0));
  pkg.parts.set(
    PART.originRels,
    addRelationship(undefined, { id: 'rId1', type: REL_TYPE.signature, target: 'sig1.xml' }),
  );
  let types = pkg.parts.get(PART.contentTypes)!;
  types = declareContentType(types, partName(PART.origin), CONTENT_TYPE.origin, true);
  types = declareContentType(types, partName(PART.signature), CONTENT_TYPE.signature, false);
  pkg.parts.set(PART.contentTypes, types);
}

/** Relationship types of the core-properties part (transitional and strict OOXML). */
const CORE_PROPERTIES = new Set([
  'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  'http://schemas.openxmlformats.org/officedocument/2006/relationships/metadata/core-properties',
]);

/** The XML with the matching child elements of its root removed (other bytes are re-serialised unchanged in meaning). */
function withoutChildren(xml: Buffer, ns: string, local: string, drop: (el: XElement) => boolean): Buffer {
  const root = parseXml(xml);
  for (const el of childElements(root, ns, local)) if (drop(el)) root.removeChild(el);
  return Buffer.from(new XMLSerializer().serializeToString(root.ownerDocument!), 'utf8');
}

/**
 * Removes the core-properties part (docProps/core.xml: title, author, dates),
 * its relationship and its content type. Word and Apache POI never sign that
 * part (POI cannot even read it as bytes, so a signature covering it fails
 * there), and a signed document should hold no part its signature leaves
 * out — so it goes, and every part that remains is signed.
 */
export function dropCoreProperties(pkg: Package): void {
  const rels = readRelationships(pkg.parts.get(PART.packageRels)!);
  const targets = rels
    .filter((r) => CORE_PROPERTIES.has(r.type) && r.targetMode === 'Internal')
    .map((r) => r.target.replace(/^\//, ''));
  if (targets.length === 0) return;
  pkg.parts.set(
    PART.packageRels,
    withoutChildren(pkg.parts.get(PART.packageRels)!, NS.rels, 'Relationship', (el) =>
      CORE_PROPERTIES.has(el.getAttribute('Type') ?? ''),
    ),
  );
  const names = new Set(targets.map((t) => partName(t).toLowerCase()));
  pkg.parts.set(
    PART.contentTypes,
    withoutChildren(pkg.parts.get(PART.contentTypes)!, NS.contentTypes, 'Override', (el) =>
      names.has((el.getAttribute('PartName') ?? '').toLowerCase()),
    ),
  );
  for (const target of targets) pkg.parts.delete(target);
}

const wrap = (inner: string): string => `<Signature xmlns="${NS.dsig}" Id="${ID.signature}">${inner}</Signature>`;

/**
 * Adds an OOXML package signature (the kind Word shows as signed) covering
 * every part. The core properties are removed first (see dropCoreProperties),
 * and the origin relationship and content types are added first, so they are
 * covered too; the signature parts themselves are the only exception.
 */
export async function signPackage(docx: Buffer, signer: Signer): Promise<Buffer> {
  const pkg = await readPackage(docx);
  signParts(pkg, signer);
  return writePackage(pkg);
}

/**
 * signPackage on parts in memory: adds the signature parts to `pkg`. Parts
 * already written to the file (a report's photos) are named in `written` with
 * their digests; they must not be in `pkg`, and are covered like the others.
 */
export function signParts(pkg: Package, signer: Signer, written: ReadonlyMap<string, string> = new Map()): void {
  for (const entry of written.keys()) {
    if (pkg.parts.has(entry) || isRelationshipsPart(entry)) throw new Error(`Part ${entry} given twice`);
  }
  try {
    readRelationships(pkg.parts.get(PART.packageRels)!);
  } catch {
    throw new DomainError('invalid_input', NOT_DOCX);
  }
  const method = signatureMethodFor(signer.privateKey);
  if (!new X509Certificate(signer.certificateDer).checkPrivateKey(signer.privateKey)) {
    throw new DomainError('invalid_input', 'The private key does not belong to the certificate.');
  }
  dropCoreProperties(pkg);
  addSignatureParts(pkg);
  const objects =
    packageObject(manifestEntries(pkg, written), signer.signingTime) +
    officeObject('Issued and signed with Fieldwork') +
    xadesObject(signer.certificateDer, signer.signingTime);
  const draft = parseXml(wrap(objects));
  const digestOf = (id: string) => sha256b64(canonicalize(elementById(draft, id)!));
  const info = signedInfo(method, {
    packageObject: digestOf(ID.packageObject),
    officeObject: digestOf(ID.officeObject),
    signedProperties: digestOf(ID.signedProperties),
  });
  const infoEl = parseXml(wrap(info)).firstChild as Parameters<typeof canonicalize>[0];
  const value = sign('sha256', Buffer.from(canonicalize(infoEl), 'utf8'), {
    key: signer.privateKey,
    dsaEncoding: 'ieee-p1363',
  }).toString('base64');
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>' +
    wrap(`${info}<SignatureValue>${value}</SignatureValue>${keyInfo(signer.certificateDer)}${objects}`);
  pkg.parts.set(PART.signature, Buffer.from(xml, 'utf8'));
}
