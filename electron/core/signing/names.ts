/** The URIs, part names and types an OOXML package signature uses (ECMA-376 Part 2, XML-DSig, XAdES). */
export const NS = {
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  xades: 'http://uri.etsi.org/01903/v1.3.2#',
  mdssi: 'http://schemas.openxmlformats.org/package/2006/digital-signature',
  office: 'http://schemas.microsoft.com/office/2006/digsig',
  rels: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
} as const;

export const ALG = {
  c14n: 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315',
  sha256: 'http://www.w3.org/2001/04/xmlenc#sha256',
  rsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  ecdsaSha256: 'http://www.w3.org/2001/04/xmldsig-more#ecdsa-sha256',
  relationshipTransform: 'http://schemas.openxmlformats.org/package/2006/RelationshipTransform',
} as const;

export const REF_TYPE = {
  object: 'http://www.w3.org/2000/09/xmldsig#Object',
  signedProperties: 'http://uri.etsi.org/01903#SignedProperties',
} as const;

export const REL_TYPE = {
  origin: 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/origin',
  signature: 'http://schemas.openxmlformats.org/package/2006/relationships/digital-signature/signature',
} as const;

export const CONTENT_TYPE = {
  origin: 'application/vnd.openxmlformats-package.digital-signature-origin',
  signature: 'application/vnd.openxmlformats-package.digital-signature-xmlsignature+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
} as const;

export const PART = {
  contentTypes: '[Content_Types].xml',
  packageRels: '_rels/.rels',
  origin: '_xmlsignatures/origin.sigs',
  originRels: '_xmlsignatures/_rels/origin.sigs.rels',
  signature: '_xmlsignatures/sig1.xml',
} as const;

export const ID = {
  signature: 'idPackageSignature',
  packageObject: 'idPackageObject',
  officeObject: 'idOfficeObject',
  signedProperties: 'idSignedProperties',
} as const;

export const NOT_DOCX = 'This file is not a Word document (DOCX).';
