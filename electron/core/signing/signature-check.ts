import { verify, X509Certificate } from 'node:crypto';
import type { Element as XElement } from '@xmldom/xmldom';
import { canonicalize } from './c14n';
import { ALG, NS, REF_TYPE, REL_TYPE } from './names';
import {
  childElements,
  isRelationshipsPart,
  parseXml,
  partName,
  readRelationships,
  transformRelationships,
} from './opc';
import type { ContentTypes, Package } from './opc';
import { elementById, sha256b64 } from './signature-xml';

export interface SignatureCheck {
  certificate: X509Certificate | null;
  signedAt: string | null;
  /** Part names the Manifest covers. */
  covered: Set<string>;
  problems: string[];
}

const first = (el: XElement | undefined, ns: string, local: string): XElement | undefined =>
  el ? childElements(el, ns, local)[0] : undefined;
const textOf = (el: XElement | undefined): string => (el?.textContent ?? '').trim();
const algOf = (el: XElement | undefined): string => el?.getAttribute('Algorithm') ?? '';

function descendant(root: XElement, ns: string, local: string): XElement | undefined {
  const list = root.getElementsByTagNameNS(ns, local);
  return list.length ? list.item(0)! : undefined;
}

const transformsOf = (ref: XElement): XElement[] => {
  const list = first(ref, NS.dsig, 'Transforms');
  return list ? childElements(list, NS.dsig, 'Transform') : [];
};

/** What is wrong with a same-document reference (an Object or the signed properties), or null. */
function objectProblem(root: XElement, ref: XElement): string | null {
  const uri = ref.getAttribute('URI') ?? '';
  const target = uri.startsWith('#') ? elementById(root, uri.slice(1)) : null;
  if (!target) return `The signature refers to ${uri.slice(0, 100) || 'nothing'}, which it does not contain`;
  if (
    transformsOf(ref).some((t) => algOf(t) !== ALG.c14n) ||
    algOf(first(ref, NS.dsig, 'DigestMethod')) !== ALG.sha256
  ) {
    return `The signature uses an algorithm this check does not support for ${uri.slice(0, 100)}`;
  }
  if (sha256b64(canonicalize(target)) === textOf(first(ref, NS.dsig, 'DigestValue'))) return null;
  return ref.getAttribute('Type') === REF_TYPE.signedProperties
    ? 'The signed properties (signing time, certificate) were changed after signing'
    : `The signed object ${uri.slice(0, 100)} was changed after signing`;
}

/** Checks one Manifest reference against the part's bytes (or, for relationships, their transform). */
function checkPart(pkg: Package, types: ContentTypes | null, ref: XElement, s: SignatureCheck): void {
  const uri = ref.getAttribute('URI') ?? '';
  const q = uri.indexOf('?');
  let part: string;
  try {
    part = decodeURI(q < 0 ? uri : uri.slice(0, q));
  } catch {
    s.problems.push(`The signature lists a part it cannot name (${uri.slice(0, 100)})`);
    return;
  }
  s.covered.add(part);
  const bytes = pkg.parts.get(part.slice(1));
  if (!bytes) return; // reported as removed by the caller
  const declared = q < 0 ? null : new URLSearchParams(uri.slice(q + 1)).get('ContentType');
  if (types && declared !== null && types.of(part) !== declared.replace(/ /g, '+')) {
    s.problems.push(`Part ${part} changed its content type after signing`);
  }
  const transforms = transformsOf(ref);
  let digest: string;
  try {
    if (transforms.length === 0) digest = sha256b64(bytes);
    else if (
      transforms.length === 2 &&
      algOf(transforms[0]) === ALG.relationshipTransform &&
      algOf(transforms[1]) === ALG.c14n &&
      isRelationshipsPart(part.slice(1))
    ) {
      const rels = readRelationships(bytes);
      const ids = new Set(
        childElements(transforms[0]!, NS.mdssi, 'RelationshipReference').map((r) => r.getAttribute('SourceId') ?? ''),
      );
      const groups = new Set(
        childElements(transforms[0]!, NS.mdssi, 'RelationshipsGroupReference').map(
          (r) => r.getAttribute('SourceType') ?? '',
        ),
      );
      const selected = rels.filter((r) => ids.has(r.id) || groups.has(r.type)).map((r) => r.id);
      const unsigned = rels.filter((r) => !selected.includes(r.id) && r.type !== REL_TYPE.origin);
      if (unsigned.length) s.problems.push(`Part ${part} has a relationship that was added after signing`);
      digest = sha256b64(transformRelationships(rels, selected));
    } else {
      s.problems.push(`Part ${part} is signed with a transform this check does not support`);
      return;
    }
  } catch {
    s.problems.push(`Part ${part} was changed after signing and is unreadable`);
    return;
  }
  if (digest !== textOf(first(ref, NS.dsig, 'DigestValue'))) s.problems.push(`Part ${part} was changed after signing`);
}

function checkCertificate(root: XElement, cert: X509Certificate, s: SignatureCheck): void {
  const props = descendant(root, NS.xades, 'SignedProperties');
  if (!props) {
    s.problems.push('The signature has no signed properties (signing time and certificate)');
    return;
  }
  s.signedAt = textOf(descendant(props, NS.xades, 'SigningTime')) || null;
  const certDigest = descendant(props, NS.xades, 'CertDigest');
  if (textOf(first(certDigest, NS.dsig, 'DigestValue')) !== sha256b64(cert.raw)) {
    s.problems.push('The certificate in the signature is not the one its signed properties name');
  }
  const serial = textOf(descendant(props, NS.dsig, 'X509SerialNumber'));
  if (serial && serial !== BigInt(`0x${cert.serialNumber}`).toString(10)) {
    s.problems.push("The certificate's serial number does not match the signed properties");
  }
}

export function checkSignature(pkg: Package, entry: string, types: ContentTypes | null): SignatureCheck {
  const s: SignatureCheck = { certificate: null, signedAt: null, covered: new Set(), problems: [] };
  let root: XElement;
  try {
    root = parseXml(pkg.parts.get(entry)!);
  } catch {
    s.problems.push(`The signature ${partName(entry)} was changed and is no longer readable`);
    return s;
  }
  const info = first(root, NS.dsig, 'SignedInfo');
  if (root.namespaceURI !== NS.dsig || root.localName !== 'Signature' || !info) {
    s.problems.push(`The signature ${partName(entry)} is not an XML signature`);
    return s;
  }
  try {
    s.certificate = new X509Certificate(Buffer.from(textOf(descendant(root, NS.dsig, 'X509Certificate')), 'base64'));
  } catch {
    s.problems.push('The signature carries no readable certificate');
    return s;
  }
  const method = algOf(first(info, NS.dsig, 'SignatureMethod'));
  if (
    algOf(first(info, NS.dsig, 'CanonicalizationMethod')) !== ALG.c14n ||
    (method !== ALG.rsaSha256 && method !== ALG.ecdsaSha256)
  ) {
    s.problems.push('The signature uses an algorithm this check does not support');
    return s;
  }
  const value = Buffer.from(textOf(first(root, NS.dsig, 'SignatureValue')), 'base64');
  const key = { key: s.certificate.publicKey, dsaEncoding: 'ieee-p1363' as const };
  if (!verify('sha256', Buffer.from(canonicalize(info), 'utf8'), key, value)) {
    s.problems.push('The signature value does not match what was signed (the signature itself was altered)');
  }
  const refs = childElements(info, NS.dsig, 'Reference');
  const referenced = new Set<string>();
  for (const ref of refs) {
    const uri = ref.getAttribute('URI') ?? '';
    referenced.add(uri.slice(1));
    const problem = objectProblem(root, ref);
    if (problem) s.problems.push(problem);
  }
  const manifest = descendant(root, NS.dsig, 'Manifest');
  const manifestObject = manifest?.parentNode as XElement | undefined;
  if (!manifest || !referenced.has(manifestObject?.getAttribute('Id') ?? '\u0000')) {
    s.problems.push('The list of signed parts is missing or not covered by the signature');
  } else {
    for (const ref of childElements(manifest, NS.dsig, 'Reference')) checkPart(pkg, types, ref, s);
  }
  const props = descendant(root, NS.xades, 'SignedProperties');
  if (props && !referenced.has(props.getAttribute('Id') ?? '\u0000')) {
    s.problems.push('The signed properties are not covered by the signature');
  }
  checkCertificate(root, s.certificate, s);
  return s;
}
