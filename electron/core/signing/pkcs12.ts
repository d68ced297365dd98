/**
 * Reads a PKCS#12 (.p12/.pfx) file from a certification authority: the
 * certificate and its private key. The structures are parsed by pkijs and
 * decrypted through Node's Web Crypto (PBKDF2 and AES natively); files in the
 * legacy schemes go to node-forge (pkcs12-legacy.ts says why).
 */
import { createPrivateKey, webcrypto, X509Certificate, type KeyObject } from 'node:crypto';
import { fromBER, OctetString, Sequence } from 'asn1js';
import {
  AuthenticatedSafe,
  CertBag,
  ContentInfo,
  CryptoEngine,
  EncryptedContentInfo,
  EncryptedData,
  PFX,
  PKCS8ShroudedKeyBag,
  PrivateKeyInfo,
  SafeContents,
  type AlgorithmIdentifier,
  type SafeBag,
} from 'pkijs';
import { DomainError } from '#shared/api/result';
import { readLegacyPkcs12, type Pkcs12Bags } from './pkcs12-legacy';
import { checkIterations, integerValue, isLegacy, iterationsOf, NOT_P12 } from './pkcs12-limits';

export interface Pkcs12Contents {
  certificateDer: Buffer;
  privateKey: KeyObject;
}

const WRONG_PASSWORD = 'The certificate file password is wrong.';
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  cert: '1.2.840.113549.1.12.10.1.3',
} as const;

/** pkijs on Node's own Web Crypto, not on whatever a global `crypto` happens to be. */
// pkijs types its parameter with the DOM's Crypto, which this (Node) project does not load.
const engine = new CryptoEngine({ name: 'node', crypto: webcrypto as never });

/** The MAC digests pkijs derives PKCS#12 MAC keys for. */
const MAC_DIGESTS: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
};

const notP12 = () => new DomainError('invalid_input', NOT_P12);

/** An ArrayBuffer of exactly these bytes (a Buffer may be a view into a larger pool). */
const arrayBuffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;

/** A ContentInfo's content as the OCTET STRING it must be (pkijs types it as anything). */
function octets(content: unknown): ArrayBuffer {
  if (!(content instanceof OctetString)) throw notP12();
  return content.getValue();
}

/** The MAC's iteration count from the file's own bytes (absent means 1). */
function macIterations(bytes: Buffer): number {
  const pfx = fromBER(arrayBuffer(bytes)).result;
  const macData = pfx instanceof Sequence ? pfx.valueBlock.value[2] : undefined;
  if (!(macData instanceof Sequence)) throw notP12();
  const count = macData.valueBlock.value[2];
  return count === undefined ? 1 : integerValue(count);
}

async function macMatches(pfx: PFX, content: ArrayBuffer, password: ArrayBuffer): Promise<boolean> {
  const mac = pfx.macData!;
  const hashAlgorithm = MAC_DIGESTS[mac.mac.digestAlgorithm.algorithmId];
  if (!hashAlgorithm) throw notP12();
  return engine.verifyDataStampedWithPassword({
    password,
    hashAlgorithm,
    salt: arrayBuffer(mac.macSalt.valueBlock.valueHexView),
    iterationCount: mac.iterations ?? 1,
    contentToVerify: content,
    signatureToVerify: arrayBuffer(mac.mac.digest.valueBlock.valueHexView),
  });
}

const decrypt = (
  algorithm: AlgorithmIdentifier,
  encrypted: EncryptedContentInfo['encryptedContent'],
  password: ArrayBuffer,
) =>
  new EncryptedData({
    encryptedContentInfo: new EncryptedContentInfo({
      contentType: ContentInfo.DATA,
      contentEncryptionAlgorithm: algorithm,
      encryptedContent: encrypted,
    }),
  }).decrypt({ password }, engine);

const shroudedKeys = (bags: SafeBag[]) =>
  bags.filter((b) => b.bagId === BAG.shroudedKey).map((b) => b.bagValue as PKCS8ShroudedKeyBag);

/**
 * The file's keys and certificates. Every iteration count is checked before
 * the derivation that uses it: the MAC's, each encrypted container's and each
 * key's outside one before anything is derived, a key's inside a container
 * once the container is open.
 */
async function readBags(bytes: Buffer, password: string): Promise<Pkcs12Bags> {
  const pfx = PFX.fromBER(arrayBuffer(bytes));
  // Public-key integrity (SignedData) is not how files for people are made.
  if (pfx.authSafe.contentType !== ContentInfo.DATA) throw notP12();
  const authSafe = octets(pfx.authSafe.content);
  const safe = AuthenticatedSafe.fromBER(authSafe);
  const containers = safe.safeContents.map((info) => {
    if (info.contentType === ContentInfo.DATA) return SafeContents.fromBER(octets(info.content));
    if (info.contentType === ContentInfo.ENCRYPTED_DATA) return new EncryptedData({ schema: info.content });
    throw notP12();
  });
  const visible = containers.flatMap((c) =>
    c instanceof EncryptedData
      ? [c.encryptedContentInfo.contentEncryptionAlgorithm]
      : shroudedKeys(c.safeBags).map((k) => k.encryptionAlgorithm),
  );
  if (pfx.macData) checkIterations(macIterations(bytes));
  for (const algorithm of visible) checkIterations(iterationsOf(algorithm));
  if (visible.some(isLegacy)) return readLegacyPkcs12(bytes, password);

  const secret = arrayBuffer(new TextEncoder().encode(password));
  if (pfx.macData && !(await macMatches(pfx, authSafe, secret))) {
    throw new DomainError('invalid_input', WRONG_PASSWORD);
  }
  const bags: SafeBag[] = [];
  for (const c of containers) {
    if (!(c instanceof EncryptedData)) bags.push(...c.safeBags);
    else bags.push(...SafeContents.fromBER(await opened(() => c.decrypt({ password: secret }, engine), pfx)).safeBags);
  }
  const shrouded = shroudedKeys(bags);
  for (const key of shrouded) checkIterations(iterationsOf(key.encryptionAlgorithm));
  if (shrouded.some((k) => isLegacy(k.encryptionAlgorithm))) return readLegacyPkcs12(bytes, password);

  const keys: Buffer[] = [];
  for (const key of shrouded) {
    keys.push(Buffer.from(await opened(() => decrypt(key.encryptionAlgorithm, key.encryptedData, secret), pfx)));
  }
  for (const bag of bags) {
    if (bag.bagId === BAG.key) keys.push(Buffer.from((bag.bagValue as PrivateKeyInfo).toSchema().toBER()));
  }
  const certificates = bags.flatMap((bag) => {
    const value = bag.bagId === BAG.cert ? (bag.bagValue as CertBag).certValue : null;
    // The certificate's bytes as the file holds them (re-encoding could change its fingerprint).
    return value instanceof OctetString ? [Buffer.from(value.valueBlock.valueHexView)] : [];
  });
  return { keys, certificates };
}

/**
 * Decrypts one part. Without a MAC a wrong password shows only here (as bad
 * padding); with a MAC that matched, a failure means a damaged file.
 */
async function opened(run: () => Promise<ArrayBuffer>, pfx: PFX): Promise<ArrayBuffer> {
  try {
    return await run();
  } catch {
    throw pfx.macData ? notP12() : new DomainError('invalid_input', WRONG_PASSWORD);
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

export async function readPkcs12(bytes: Buffer, password: string): Promise<Pkcs12Contents> {
  let keys: KeyObject[];
  let certificates: Buffer[];
  try {
    const bags = await readBags(bytes, password);
    keys = bags.keys.map((der) => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' }));
    certificates = bags.certificates;
  } catch (err) {
    if (err instanceof DomainError) throw err;
    throw notP12();
  }
  if (keys.length === 0) {
    throw new DomainError(
      'invalid_input',
      'The certificate file holds no private key: export it again with its private key.',
    );
  }
  for (const privateKey of keys) {
    const leaf = certificates.find((der) => new X509Certificate(der).checkPrivateKey(privateKey));
    if (leaf) return { certificateDer: leaf, privateKey };
  }
  throw new DomainError('invalid_input', 'The certificate file holds no certificate for its private key.');
}
