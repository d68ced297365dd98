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

/**
 * Most key-derivation iterations a file may ask for (its MAC and each encrypted
 * part). node-forge runs these in JavaScript on the backend thread, taking the
 * count from the file: about 1 s per 100,000 PBKDF2 iterations, so a hostile
 * file with 10 million held the backend for minutes. Real files use far fewer:
 * OpenSSL 2,048, Windows 2,000, Java's keytool 10,000.
 */
export const PKCS12_MAX_ITERATIONS = 100_000;

const { Class, Type } = forge.asn1;
const PKCS12_PBE = '1.2.840.113549.1.12.1.'; // pbeWithSHAAnd… (the PKCS#12 KDF)
const PBES1 = /^1\.2\.840\.113549\.1\.5\.(?:1|3|4|6|10|11)$/;
const PBKDF2 = '1.2.840.113549.1.5.12'; // inside PBES2 (1.2.840.113549.1.5.13)

/** A DER INTEGER as a number; anything beyond six bytes counts as infinitely large. */
const intOf = (node: forge.asn1.Asn1 | undefined): number => {
  if (!node || node.type !== Type.INTEGER || typeof node.value !== 'string') return Number.POSITIVE_INFINITY;
  if (node.value.length > 6) return Number.POSITIVE_INFINITY;
  return [...node.value].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);
};

/**
 * Every iteration count the file shows before anything is decrypted: the
 * MAC's, and each PBE or PBKDF2 parameter block, looking into OCTET STRINGs
 * (the authenticated safe and unencrypted safe contents are DER inside them).
 */
function iterationCounts(pfx: forge.asn1.Asn1): number[] {
  const counts: number[] = [];
  const macData = Array.isArray(pfx.value) ? pfx.value[2] : undefined;
  if (macData && Array.isArray(macData.value)) counts.push(macData.value[2] ? intOf(macData.value[2]) : 1);
  const walk = (node: forge.asn1.Asn1, depth: number): void => {
    if (depth > 32) throw new DomainError('invalid_input', NOT_P12);
    if (Array.isArray(node.value)) {
      const [first, params] = node.value;
      if (node.type === Type.SEQUENCE && first?.type === Type.OID && typeof first.value === 'string' && params) {
        const id = forge.asn1.derToOid(first.value);
        if ((id.startsWith(PKCS12_PBE) || PBES1.test(id) || id === PBKDF2) && Array.isArray(params.value)) {
          counts.push(intOf(params.value[1]));
        }
      }
      if (node.type === Type.OCTETSTRING && node.tagClass === Class.UNIVERSAL) {
        // BER: an OCTET STRING in chunks.
        const joined = node.value.map((c) => (typeof c.value === 'string' ? c.value : '')).join('');
        return inner(joined, depth);
      }
      for (const child of node.value) walk(child, depth + 1);
    } else if (node.type === Type.OCTETSTRING && node.tagClass === Class.UNIVERSAL && typeof node.value === 'string') {
      inner(node.value, depth);
    }
  };
  const inner = (bytes: string, depth: number) => {
    if (bytes.charCodeAt(0) !== 0x30) return; // not a SEQUENCE: plain data (a key ID, a salt, ciphertext)
    let nested: forge.asn1.Asn1;
    try {
      // forge's typings lack the options form fromDer accepts.
      const fromDer = forge.asn1.fromDer as unknown as (b: string, o: object) => forge.asn1.Asn1;
      nested = fromDer(bytes, { strict: true, parseAllBytes: true, decodeBitStrings: false });
    } catch {
      return;
    }
    walk(nested, depth + 1);
  };
  walk(pfx, 0);
  return counts;
}

const tooManyIterations = (n: number) =>
  new DomainError(
    'invalid_input',
    `This certificate file asks for ${Number.isFinite(n) ? n.toLocaleString('en') : 'an enormous number of'} ` +
      `key-derivation iterations; at most ${PKCS12_MAX_ITERATIONS.toLocaleString('en')} are accepted ` +
      '(OpenSSL uses 2,048). Export it again with the default settings.',
  );

type Kdf = (...args: never[]) => unknown;
/**
 * Parts inside an encrypted container are seen only once forge decrypts it,
 * so its key-derivation functions are also capped while it parses this file
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
      const n = Number(args[at]);
      if (!(n <= PKCS12_MAX_ITERATIONS)) throw tooManyIterations(n);
      return (saved[i] as (...a: unknown[]) => unknown)(...args);
    };
  });
  try {
    return run();
  } finally {
    slots.forEach(([obj, key], i) => (obj[key] = saved[i]!));
  }
}

/** The key kinds documents are signed with (see package-sign.ts): RSA of 2048 bits or more, ECDSA on P-256. */
export const SUPPORTED_KEYS = 'Supported keys: RSA of 2048 bits or more, or ECDSA on P-256.';

/** Refuses a key Fieldwork cannot or should not sign with, naming what it is. */
export function checkSigningKey(key: KeyObject): void {
  const type = key.asymmetricKeyType;
  const details = key.asymmetricKeyDetails ?? {};
  let what: string | null = null;
  if (type === 'rsa' && (details.modulusLength ?? 0) < 2048) what = `RSA of ${details.modulusLength} bits`;
  else if (type === 'ec' && details.namedCurve !== 'prime256v1')
    what = `ECDSA on ${details.namedCurve ?? 'an unnamed curve'}`;
  else if (type !== 'rsa' && type !== 'ec') what = (type ?? 'unknown').toUpperCase().replace('ED', 'Ed');
  if (what)
    throw new DomainError(
      'invalid_input',
      `This certificate's key is ${what}, which cannot sign reports. ${SUPPORTED_KEYS}`,
    );
}

export function readPkcs12(bytes: Buffer, password: string): Pkcs12Contents {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(bytes.toString('binary'), true);
    const most = Math.max(0, ...iterationCounts(asn1));
    if (!(most <= PKCS12_MAX_ITERATIONS)) throw tooManyIterations(most);
    p12 = withKdfCap(() => forge.pkcs12.pkcs12FromAsn1(asn1, false, password));
  } catch (err) {
    if (err instanceof DomainError) throw err;
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
