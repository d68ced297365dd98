/**
 * Files that use PKCS#12's own encryption schemes, as OpenSSL 1.1 (`-legacy`
 * in OpenSSL 3) and older Windows wrote them: a 3DES key and certificates under
 * 40-bit RC2. Neither Web Crypto nor Node's OpenSSL 3 (RC2 sits in its legacy
 * provider, and Electron's BoringSSL lacks it) decrypts RC2, so these are read
 * by node-forge, in JavaScript; every other file goes through pkijs (pkcs12.ts).
 */
import forge from 'node-forge';
import { DomainError } from '#shared/api/result';
import { checkIterations } from './pkcs12-limits';

export interface Pkcs12Bags {
  /** PKCS#8 DER of each private key. */
  keys: Buffer[];
  /** DER of each certificate. */
  certificates: Buffer[];
}

const WRONG_PASSWORD = 'The certificate file password is wrong.';
const toDer = (node: forge.asn1.Asn1): Buffer => Buffer.from(forge.asn1.toDer(node).getBytes(), 'binary');

type Kdf = (...args: never[]) => unknown;
/**
 * Parts inside an encrypted container are seen only once forge decrypts it,
 * so its key-derivation functions are capped while it parses this file
 * (synchronous: nothing else runs meanwhile; restored afterwards).
 */
function withKdfCap<T>(run: () => T): T {
  const pbe = (forge.pki as unknown as { pbe: Record<string, Kdf> }).pbe;
  const p12 = forge.pkcs12 as unknown as Record<string, Kdf>;
  const p5 = forge.pkcs5 as unknown as Record<string, Kdf>;
  const slots: [Record<string, Kdf>, string, number][] = [
    [pbe, 'generatePkcs12Key', 3],
    [p12, 'generateKey', 3],
    [p5, 'pbkdf2', 2],
  ];
  const saved = slots.map(([obj, key]) => obj[key]!);
  slots.forEach(([obj, key, at], i) => {
    obj[key] = (...args: unknown[]) => {
      checkIterations(Number(args[at]));
      return (saved[i] as (...a: unknown[]) => unknown)(...args);
    };
  });
  try {
    return run();
  } finally {
    slots.forEach(([obj, key], i) => (obj[key] = saved[i]!));
  }
}

/** The keys and certificates of a legacy file; throws DomainError for a wrong password or too many iterations. */
export function readLegacyPkcs12(bytes: Buffer, password: string): Pkcs12Bags {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(bytes.toString('binary'), true);
    p12 = withKdfCap(() => forge.pkcs12.pkcs12FromAsn1(asn1, false, password));
  } catch (err) {
    if (err instanceof DomainError) throw err;
    const message = err instanceof Error ? err.message : '';
    if (/MAC could not be verified|wrong password|Invalid password/i.test(message)) {
      throw new DomainError('invalid_input', WRONG_PASSWORD);
    }
    throw err;
  }
  const keys: Buffer[] = [];
  for (const type of [forge.pki.oids.pkcs8ShroudedKeyBag!, forge.pki.oids.keyBag!]) {
    for (const bag of p12.getBags({ bagType: type })[type] ?? []) {
      // forge decodes RSA keys itself and hands other kinds (EC) over as ASN.1.
      const info = bag.key ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key)) : bag.asn1;
      if (info) keys.push(toDer(info));
    }
  }
  const certBag = forge.pki.oids.certBag!;
  const certificates = (p12.getBags({ bagType: certBag })[certBag] ?? []).flatMap((bag) => {
    const node = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    return node ? [toDer(node)] : [];
  });
  return { keys, certificates };
}
