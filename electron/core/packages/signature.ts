import { createHash, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';
import { DomainError } from '#shared/api/result';
import type { PackageSignature } from '#shared/domain/package';
import { refused } from './refusals';

/** What signs a package: an unlocked signing identity of the data folder (repos/signing.ts unlockSigningKey). */
export interface PackageSigner {
  privateKey: KeyObject;
  certificateDer: Buffer;
}

/** SHA-256 as Node writes certificate fingerprints: upper-case hex pairs joined by colons. */
export const fingerprintOf = (der: Buffer): string =>
  createHash('sha256')
    .update(der)
    .digest('hex')
    .toUpperCase()
    .replace(/(..)(?!$)/g, '$1:');

function algorithmOf(key: KeyObject): PackageSignature['algorithm'] {
  if (key.asymmetricKeyType === 'rsa') return 'RSA-SHA256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') {
    return 'ECDSA-P256-SHA256';
  }
  throw new DomainError(
    'unsupported',
    'Team packages are signed with RSA or ECDSA P-256 keys; this identity has another kind.',
  );
}

/** The signature record over the manifest's exact bytes. */
export function signManifest(manifestBytes: Buffer, signer: PackageSigner): PackageSignature {
  return {
    algorithm: algorithmOf(signer.privateKey),
    signature: sign('sha256', manifestBytes, signer.privateKey).toString('base64'),
    certificate: signer.certificateDer.toString('base64'),
    fingerprint: fingerprintOf(signer.certificateDer),
  };
}

export interface Signer {
  fingerprint: string;
  /** The certificate's common name (the signing identity's name). */
  name: string;
  certificateDer: Buffer;
}

/** Checks the signature over `manifestBytes`; throws the refusal that says what did not match. */
export function verifyManifest(manifestBytes: Buffer, s: PackageSignature): Signer {
  const der = Buffer.from(s.certificate, 'base64');
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(der);
  } catch {
    throw refused.certificate();
  }
  if (fingerprintOf(der) !== s.fingerprint) throw refused.fingerprint();
  const key = cert.publicKey;
  const expected = key.asymmetricKeyType === 'rsa' ? 'RSA-SHA256' : 'ECDSA-P256-SHA256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve !== 'prime256v1')
    throw refused.certificate();
  if (s.algorithm !== expected) throw refused.signature();
  let ok = false;
  try {
    ok = verify('sha256', manifestBytes, key, Buffer.from(s.signature, 'base64'));
  } catch {
    ok = false;
  }
  if (!ok) throw refused.signature();
  const cn = cert.subject.split('\n').find((l) => l.startsWith('CN='));
  return { fingerprint: s.fingerprint, name: cn ? cn.slice(3) : '', certificateDer: der };
}
