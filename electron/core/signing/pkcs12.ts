/** Reads a PKCS#12 (.p12/.pfx) file from a certification authority: the certificate and its private key. */
import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { DomainError } from '#shared/api/result';

export interface Pkcs12Contents {
  certificateDer: Buffer;
  privateKey: KeyObject;
}

const NOT_P12 = 'This file is not a PKCS#12 certificate file (.p12 or .pfx).';

const toDer = (node: forge.asn1.Asn1): Buffer => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');

export function readPkcs12(bytes: Buffer, password: string): Pkcs12Contents {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(bytes.toString('binary'), true);
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, password);
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    if (/MAC could not be verified|wrong password|Invalid password/i.test(message)) {
      throw new DomainError('invalid_input', 'The certificate file password is wrong.');
    }
    throw new DomainError('invalid_input', NOT_P12);
  }
  const keys: KeyObject[] = [];
  for (const type of [forge.pki.oids.pkcs8ShroudedKeyBag!, forge.pki.oids.keyBag!]) {
    for (const bag of p12.getBags({ bagType: type })[type] ?? []) {
      // forge decodes RSA keys itself and hands other kinds (EC) over as ASN.1.
      const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
      if (info) keys.push(createPrivateKey({ key: toDer(info), format: 'der', type: 'pkcs8' }));
    }
  }
  if (keys.length === 0) {
    throw new DomainError(
      'invalid_input',
      'The certificate file holds no private key: export it again with its private key.',
    );
  }
  const certBag = forge.pki.oids.certBag!;
  const certs = (p12.getBags({ bagType: certBag })[certBag] ?? []).flatMap((bag) => {
    const node = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    return node ? [toDer(node)] : [];
  });
  for (const privateKey of keys) {
    const leaf = certs.find((der) => new X509Certificate(der).checkPrivateKey(privateKey));
    if (leaf) return { certificateDer: leaf, privateKey };
  }
  throw new DomainError('invalid_input', 'The certificate file holds no certificate for its private key.');
}
