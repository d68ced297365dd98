/**
 * Self-issued X.509 v3 certificates for signing documents: the structures
 * (RFC 5280) encoded by @peculiar/asn1-x509, signed with Node's crypto —
 * synchronous, so an identity's certificate is made inside its transaction,
 * and for RSA and ECDSA P-256 alike.
 */
import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import {
  AlgorithmIdentifier,
  AttributeTypeAndValue,
  AttributeValue,
  BasicConstraints,
  Certificate,
  ExtendedKeyUsage,
  Extension,
  Extensions,
  id_ce_basicConstraints,
  id_ce_extKeyUsage,
  id_ce_keyUsage,
  id_ce_subjectKeyIdentifier,
  id_kp_emailProtection,
  KeyUsage,
  KeyUsageFlags,
  Name,
  RelativeDistinguishedName,
  SubjectKeyIdentifier,
  SubjectPublicKeyInfo,
  TBSCertificate,
  Validity,
  Version,
} from '@peculiar/asn1-x509';

const OID = {
  cn: '2.5.4.3',
  o: '2.5.4.10',
  email: '1.2.840.113549.1.9.1',
  rsaSha256: '1.2.840.113549.1.1.11',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  documentSigning: '1.3.6.1.5.5.7.3.36', // RFC 9336
} as const;

export interface Subject {
  commonName: string;
  organisation: string;
  email: string;
}

/** CN and O as UTF8String (any script), the e-mail address as IA5String (PKCS #9). */
function name(s: Subject): Name {
  const rdn = (type: string, value: AttributeValue) =>
    new RelativeDistinguishedName([new AttributeTypeAndValue({ type, value })]);
  const rdns = [rdn(OID.cn, new AttributeValue({ utf8String: s.commonName }))];
  if (s.organisation) rdns.push(rdn(OID.o, new AttributeValue({ utf8String: s.organisation })));
  if (s.email) rdns.push(rdn(OID.email, new AttributeValue({ ia5String: s.email })));
  return new Name(rdns);
}

const extension = (extnID: string, critical: boolean, value: unknown) =>
  new Extension({ extnID, critical, extnValue: new OctetString(AsnConvert.serialize(value)) });

export interface CertificateRequest {
  subject: Subject;
  publicKey: KeyObject;
  privateKey: KeyObject;
  notBefore: Date;
  notAfter: Date;
}

/** A self-issued certificate for document signing; returns its DER. */
export function selfIssuedCertificate(req: CertificateRequest): Buffer {
  const rsa = req.privateKey.asymmetricKeyType === 'rsa';
  // RSA's parameters are NULL; ECDSA's are absent (RFC 4055, RFC 5758).
  const algorithm = new AlgorithmIdentifier(
    rsa ? { algorithm: OID.rsaSha256, parameters: null } : { algorithm: OID.ecdsaSha256 },
  );
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, and never a leading zero byte
  const spki = req.publicKey.export({ type: 'spki', format: 'der' });
  const subject = name(req.subject);
  const tbs = new TBSCertificate({
    version: Version.v3,
    serialNumber: new Uint8Array(serial).buffer,
    signature: algorithm,
    issuer: subject,
    // Time picks UTCTime through 2049 and GeneralizedTime after, as RFC 5280 asks.
    validity: new Validity({ notBefore: req.notBefore, notAfter: req.notAfter }),
    subject,
    subjectPublicKeyInfo: AsnConvert.parse(spki, SubjectPublicKeyInfo),
    extensions: new Extensions([
      extension(id_ce_basicConstraints, true, new BasicConstraints()),
      extension(id_ce_keyUsage, true, new KeyUsage(KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation)),
      extension(id_ce_extKeyUsage, false, new ExtendedKeyUsage([OID.documentSigning, id_kp_emailProtection])),
      extension(id_ce_subjectKeyIdentifier, false, new SubjectKeyIdentifier(createHash('sha1').update(spki).digest())),
    ]),
  });
  const tbsDer = Buffer.from(AsnConvert.serialize(tbs));
  const signature = sign('sha256', tbsDer, req.privateKey);
  const cert = new Certificate({
    tbsCertificate: tbs,
    signatureAlgorithm: algorithm,
    signatureValue: new Uint8Array(signature).buffer,
  });
  return Buffer.from(AsnConvert.serialize(cert));
}
