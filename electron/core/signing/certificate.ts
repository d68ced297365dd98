/**
 * Self-issued X.509 v3 certificates for signing documents, built as DER with
 * node-forge's ASN.1 encoder and signed with Node's crypto — synchronous, and
 * for RSA and ECDSA P-256 alike (forge's own certificate code is RSA-only).
 */
import { createHash, randomBytes, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';

const { asn1 } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;

const bin = (b: Buffer): string => b.toString('binary');
const seq = (...items: forge.asn1.Asn1[]) => asn1.create(U, T.SEQUENCE, true, items);
const oid = (id: string) => asn1.create(U, T.OID, false, asn1.oidToDer(id).getBytes());
const int = (b: Buffer) => asn1.create(U, T.INTEGER, false, bin(b));
const octets = (b: Buffer) => asn1.create(U, T.OCTETSTRING, false, bin(b));
const bits = (b: Buffer) => asn1.create(U, T.BITSTRING, false, '\u0000' + bin(b));
const bool = (v: boolean) => asn1.create(U, T.BOOLEAN, false, v ? '\u00ff' : '\u0000');
const der = (node: forge.asn1.Asn1): Buffer => Buffer.from(asn1.toDer(node).getBytes(), 'binary');
const fromDer = (b: Buffer) => asn1.fromDer(bin(b));

const OID = {
  cn: '2.5.4.3',
  o: '2.5.4.10',
  email: '1.2.840.113549.1.9.1',
  rsaSha256: '1.2.840.113549.1.1.11',
  ecdsaSha256: '1.2.840.10045.4.3.2',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  extKeyUsage: '2.5.29.37',
  subjectKeyId: '2.5.29.14',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  documentSigning: '1.3.6.1.5.5.7.3.36',
} as const;

export interface Subject {
  commonName: string;
  organisation: string;
  email: string;
}

function name(s: Subject) {
  const rdn = (id: string, type: number, value: string) =>
    asn1.create(U, T.SET, true, [seq(oid(id), asn1.create(U, type, false, forge.util.encodeUtf8(value)))]);
  const rdns = [rdn(OID.cn, T.UTF8, s.commonName)];
  if (s.organisation) rdns.push(rdn(OID.o, T.UTF8, s.organisation));
  if (s.email) rdns.push(rdn(OID.email, T.IA5STRING, s.email));
  return seq(...rdns);
}

// RFC 5280: UTCTime through 2049, GeneralizedTime after.
const time = (d: Date) =>
  d.getUTCFullYear() < 2050
    ? asn1.create(U, T.UTCTIME, false, asn1.dateToUtcTime(d))
    : asn1.create(U, T.GENERALIZEDTIME, false, asn1.dateToGeneralizedTime(d));

const extension = (id: string, critical: boolean, value: forge.asn1.Asn1) =>
  seq(oid(id), ...(critical ? [bool(true)] : []), octets(der(value)));

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
  const algorithm = rsa ? seq(oid(OID.rsaSha256), asn1.create(U, T.NULL, false, '')) : seq(oid(OID.ecdsaSha256));
  const serial = randomBytes(16);
  serial[0] = (serial[0]! & 0x7f) | 0x40; // positive, and never a leading zero byte
  const spki = req.publicKey.export({ type: 'spki', format: 'der' });
  const keyId = createHash('sha1').update(spki).digest();
  // keyUsage bits: digitalSignature (0) and nonRepudiation/contentCommitment (1).
  const keyUsage = asn1.create(U, T.BITSTRING, false, '\u0006\u00c0');
  const extensions = asn1.create(asn1.Class.CONTEXT_SPECIFIC, 3, true, [
    seq(
      extension(OID.basicConstraints, true, seq()),
      extension(OID.keyUsage, true, keyUsage),
      extension(OID.extKeyUsage, false, seq(oid(OID.documentSigning), oid(OID.emailProtection))),
      extension(OID.subjectKeyId, false, octets(keyId)),
    ),
  ]);
  const subject = name(req.subject);
  const tbs = seq(
    asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [int(Buffer.from([2]))]),
    int(serial),
    algorithm,
    subject,
    seq(time(req.notBefore), time(req.notAfter)),
    subject,
    fromDer(spki),
    extensions,
  );
  const signature = sign('sha256', der(tbs), req.privateKey);
  return der(seq(tbs, algorithm, bits(signature)));
}
