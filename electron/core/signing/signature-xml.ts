/**
 * The pieces of `_xmlsignatures/sig1.xml`, written directly in canonical form
 * (no insignificant whitespace, attributes in canonical order) so what we
 * digest is exactly what the file holds. Layout as ECMA-376 Part 2 and
 * [MS-OFFCRYPTO] describe it: a package Object (Manifest of every part +
 * SignatureTime), an Office Object (SignatureInfoV1) and the XAdES
 * SignedProperties, each referenced from SignedInfo.
 */
import { createHash, X509Certificate } from 'node:crypto';
import type { Element as XElement } from '@xmldom/xmldom';
import { escapeAttr } from './c14n';
import { ALG, ID, NS, REF_TYPE } from './names';

export const sha256b64 = (data: Buffer | string): string => createHash('sha256').update(data).digest('base64');

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface ManifestEntry {
  /** '/word/document.xml' */
  part: string;
  contentType: string;
  digest: string;
  /** For relationships parts: the Ids the Relationship Transform selects. */
  relationshipIds?: readonly string[];
}

/** The Reference URI of a part: its name plus its content type, so changing the type breaks the signature. */
export const partUri = (part: string, contentType: string): string => `${encodeURI(part)}?ContentType=${contentType}`;

const digestOf = (digest: string): string =>
  `<DigestMethod Algorithm="${ALG.sha256}"></DigestMethod><DigestValue>${digest}</DigestValue>`;

function manifestReference(e: ManifestEntry): string {
  const transforms = e.relationshipIds
    ? `<Transforms><Transform Algorithm="${ALG.relationshipTransform}">` +
      e.relationshipIds
        .map(
          (id) =>
            `<mdssi:RelationshipReference xmlns:mdssi="${NS.mdssi}" SourceId="${escapeAttr(id)}"></mdssi:RelationshipReference>`,
        )
        .join('') +
      `</Transform><Transform Algorithm="${ALG.c14n}"></Transform></Transforms>`
    : '';
  return `<Reference URI="${escapeAttr(partUri(e.part, e.contentType))}">${transforms}${digestOf(e.digest)}</Reference>`;
}

/** XML-DSig / Office time value: seconds precision, UTC. */
export const xmlTime = (d: Date): string => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function packageObject(entries: readonly ManifestEntry[], signingTime: Date): string {
  return (
    `<Object Id="${ID.packageObject}"><Manifest>${entries.map(manifestReference).join('')}</Manifest>` +
    `<SignatureProperties><SignatureProperty Id="idSignatureTime" Target="#${ID.signature}">` +
    `<mdssi:SignatureTime xmlns:mdssi="${NS.mdssi}"><mdssi:Format>YYYY-MM-DDThh:mm:ssTZD</mdssi:Format>` +
    `<mdssi:Value>${xmlTime(signingTime)}</mdssi:Value></mdssi:SignatureTime>` +
    `</SignatureProperty></SignatureProperties></Object>`
  );
}

export function officeObject(comments: string): string {
  const info: [string, string][] = [
    ['SetupID', ''],
    ['SignatureText', ''],
    ['SignatureImage', ''],
    ['SignatureComments', esc(comments)],
    ['WindowsVersion', '10.0'],
    ['OfficeVersion', '16.0'],
    ['ApplicationVersion', '16.0'],
    ['Monitors', '1'],
    ['HorizontalResolution', '1920'],
    ['VerticalResolution', '1080'],
    ['ColorDepth', '32'],
    ['SignatureProviderId', '{00000000-0000-0000-0000-000000000000}'],
    ['SignatureProviderUrl', ''],
    ['SignatureProviderDetails', '9'],
    ['SignatureType', '1'],
    ['ManifestHashAlgorithm', ALG.sha256],
  ];
  return (
    `<Object Id="${ID.officeObject}"><SignatureProperties>` +
    `<SignatureProperty Id="idOfficeV1Details" Target="#${ID.signature}">` +
    `<SignatureInfoV1 xmlns="${NS.office}">${info.map(([k, v]) => `<${k}>${v}</${k}>`).join('')}</SignatureInfoV1>` +
    `</SignatureProperty></SignatureProperties></Object>`
  );
}

/** RFC 4514-style issuer name (most specific RDN first), as XAdES IssuerSerial carries it. */
export function issuerName(cert: X509Certificate): string {
  return cert.issuer
    .split('\n')
    .filter(Boolean)
    .reverse()
    .map((rdn) => {
      const eq = rdn.indexOf('=');
      return `${rdn.slice(0, eq)}=${rdn.slice(eq + 1).replace(/([,+"\\<>;])/g, '\\$1')}`;
    })
    .join(',');
}

export function xadesObject(certDer: Buffer, signingTime: Date): string {
  const cert = new X509Certificate(certDer);
  const serial = BigInt(`0x${cert.serialNumber}`).toString(10);
  return (
    `<Object><xd:QualifyingProperties xmlns:xd="${NS.xades}" Target="#${ID.signature}">` +
    `<xd:SignedProperties Id="${ID.signedProperties}"><xd:SignedSignatureProperties>` +
    `<xd:SigningTime>${xmlTime(signingTime)}</xd:SigningTime>` +
    `<xd:SigningCertificate><xd:Cert><xd:CertDigest>${digestOf(sha256b64(certDer))}</xd:CertDigest>` +
    `<xd:IssuerSerial><X509IssuerName>${esc(issuerName(cert))}</X509IssuerName>` +
    `<X509SerialNumber>${serial}</X509SerialNumber></xd:IssuerSerial></xd:Cert></xd:SigningCertificate>` +
    `<xd:SignaturePolicyIdentifier><xd:SignaturePolicyImplied></xd:SignaturePolicyImplied></xd:SignaturePolicyIdentifier>` +
    `</xd:SignedSignatureProperties></xd:SignedProperties></xd:QualifyingProperties></Object>`
  );
}

export interface SignedInfoDigests {
  packageObject: string;
  officeObject: string;
  signedProperties: string;
}

export function signedInfo(signatureMethod: string, d: SignedInfoDigests): string {
  const ref = (type: string, id: string, digest: string, c14n = false) =>
    `<Reference Type="${type}" URI="#${id}">` +
    (c14n ? `<Transforms><Transform Algorithm="${ALG.c14n}"></Transform></Transforms>` : '') +
    `${digestOf(digest)}</Reference>`;
  return (
    `<SignedInfo><CanonicalizationMethod Algorithm="${ALG.c14n}"></CanonicalizationMethod>` +
    `<SignatureMethod Algorithm="${signatureMethod}"></SignatureMethod>` +
    ref(REF_TYPE.object, ID.packageObject, d.packageObject) +
    ref(REF_TYPE.object, ID.officeObject, d.officeObject) +
    ref(REF_TYPE.signedProperties, ID.signedProperties, d.signedProperties, true) +
    `</SignedInfo>`
  );
}

export const keyInfo = (certDer: Buffer): string =>
  `<KeyInfo><X509Data><X509Certificate>${certDer.toString('base64')}</X509Certificate></X509Data></KeyInfo>`;

/** The element carrying Id="…" anywhere under `root` (XML-DSig same-document references). */
export function elementById(root: XElement, id: string): XElement | null {
  if (root.getAttribute('Id') === id) return root;
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    const found = elementById(c as XElement, id);
    if (found) return found;
  }
  return null;
}
