/** What a PKCS#12 file may ask of the key derivation, read from its ASN.1 before anything is derived. */
import { Integer, Sequence } from 'asn1js';
import { PBES2Params, type AlgorithmIdentifier } from 'pkijs';
import { DomainError } from '#shared/api/result';

export const NOT_P12 = 'This file is not a PKCS#12 certificate file (.p12 or .pfx).';

/**
 * Most key-derivation iterations a file may ask for (its MAC and each encrypted
 * part): the count comes from the file, and each iteration is work on the
 * backend thread, so a hostile file with 10 million would hold it for minutes.
 * Real files use far fewer: OpenSSL 2,048, Windows 2,000, Java's keytool 10,000.
 */
export const PKCS12_MAX_ITERATIONS = 100_000;

const PBES2 = '1.2.840.113549.1.5.13';
const PBKDF2 = '1.2.840.113549.1.5.12';
/** pbeWithSHAAnd… (PKCS#12's own KDF: 3DES, RC2, RC4) and PBES1 (PKCS#5 v1.5): what OpenSSL's -legacy writes. */
const LEGACY = /^1\.2\.840\.113549\.1\.(?:12\.1\.[1-6]|5\.(?:1|3|4|6|10|11))$/;

/** AES-128/192/256-CBC: the ciphers inside PBES2 that Web Crypto (and so pkijs) decrypts. */
const AES_CBC = new Set(['2.16.840.1.101.3.4.1.2', '2.16.840.1.101.3.4.1.22', '2.16.840.1.101.3.4.1.42']);

/** A scheme only node-forge reads: the legacy ones, and PBES2 around a cipher other than AES-CBC (3DES). */
export function isLegacy(algorithm: AlgorithmIdentifier): boolean {
  if (algorithm.algorithmId !== PBES2) return LEGACY.test(algorithm.algorithmId);
  return !AES_CBC.has(new PBES2Params({ schema: algorithm.algorithmParams }).encryptionScheme.algorithmId);
}

const tooManyIterations = (n: number) =>
  new DomainError(
    'invalid_input',
    `This certificate file asks for ${Number.isFinite(n) ? n.toLocaleString('en') : 'an enormous number of'} ` +
      `key-derivation iterations; at most ${PKCS12_MAX_ITERATIONS.toLocaleString('en')} are accepted ` +
      '(OpenSSL uses 2,048). Export it again with the default settings.',
  );

/** Throws unless 1 ≤ n ≤ the cap. */
export function checkIterations(n: number): void {
  if (!(n <= PKCS12_MAX_ITERATIONS)) throw tooManyIterations(n);
  if (!(n >= 1)) throw new DomainError('invalid_input', NOT_P12);
}

/**
 * A DER INTEGER's value from its bytes (pkijs keeps only a JavaScript number,
 * which reads a count of more than six bytes as 0): more than six bytes counts
 * as infinitely large, a negative one as 0.
 */
export function integerValue(node: unknown): number {
  if (!(node instanceof Integer)) throw new DomainError('invalid_input', NOT_P12);
  const bytes = node.valueBlock.valueHexView;
  if (bytes.length > 6) return Number.POSITIVE_INFINITY;
  if ((bytes[0] ?? 0) & 0x80) return 0;
  return bytes.reduce((n, b) => n * 256 + b, 0);
}

/** The iteration count of a password-based encryption: PBES2 with PBKDF2, or a legacy scheme (SEQUENCE { salt, iterations }). */
export function iterationsOf(algorithm: AlgorithmIdentifier): number {
  let params: unknown = algorithm.algorithmParams;
  if (algorithm.algorithmId === PBES2) {
    const kdf = new PBES2Params({ schema: params }).keyDerivationFunc;
    if (kdf.algorithmId !== PBKDF2) throw new DomainError('invalid_input', NOT_P12);
    params = kdf.algorithmParams;
  } else if (!isLegacy(algorithm)) {
    throw new DomainError('invalid_input', NOT_P12);
  }
  if (!(params instanceof Sequence)) throw new DomainError('invalid_input', NOT_P12);
  return integerValue(params.valueBlock.value[1]);
}
