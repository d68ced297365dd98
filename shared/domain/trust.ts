import { z } from 'zod';
import { Id, text } from './common';
import type { PackageVerification, VerifyResult } from './signing';

/**
 * Who signed: a signature only proves that a document is unchanged since a key
 * signed it. Anyone can make a certificate with any name in it, so the signer
 * counts as known only when the certificate's SHA-256 fingerprint is one this
 * data folder knows (its own signing identities, certificates the user marked
 * trusted) or one given explicitly (the CLI's --trust-fingerprint).
 */
export const TRUST_KINDS = ['known_identity', 'trusted_certificate', 'given_fingerprint', 'unknown'] as const;
export type TrustKind = (typeof TRUST_KINDS)[number];

export const SignerTrust = z.object({
  kind: z.enum(TRUST_KINDS),
  /** The name of the identity or trusted certificate that matched ('' for a given fingerprint or unknown). */
  matched: z.string(),
});
export type SignerTrust = z.infer<typeof SignerTrust>;

export const UNKNOWN_SIGNER: SignerTrust = { kind: 'unknown', matched: '' };

/** Adds who signed to the maths: `find` names the trust for a fingerprint, or null when nothing here knows it. */
export function withTrust(
  result: PackageVerification,
  find: (fingerprint: string) => SignerTrust | null,
): VerifyResult {
  return { ...result, trust: result.signer ? (find(result.signer.fingerprint) ?? UNKNOWN_SIGNER) : null };
}

/** Intact and by a certificate known here: the only verdict shown as good. */
export const isTrustedValid = (r: VerifyResult): boolean =>
  r.status === 'valid' && r.trust !== null && r.trust.kind !== 'unknown';

/**
 * A SHA-256 fingerprint in the one form stored and compared: 32 upper-case hex
 * pairs joined by ':' (as certificate viewers and signing_identities show it).
 * Accepts colons or none, spaces and any case; null when it is not 64 hex digits.
 */
export function normalizeFingerprint(input: string): string | null {
  const hex = input.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return null;
  return hex.match(/../g)!.join(':');
}

/** Largest certificate file accepted (a certificate is a few KB; a PEM bundle a little more). */
export const TRUSTED_CERT_MAX_BYTES = 64 * 1024;

const CertificateFile = z
  .string()
  .min(1, 'The certificate file is empty')
  .max(Math.ceil(TRUSTED_CERT_MAX_BYTES / 3) * 4, 'The file is too large for a certificate (at most 64 KB)');

/** A certificate file (PEM or DER), base64-encoded, to look at before trusting it. */
export const TrustedCertificateInspect = z.strictObject({ certificateBase64: CertificateFile });

export const TrustedCertificateImport = z.strictObject({
  certificateBase64: CertificateFile,
  /**
   * The fingerprint the user was shown and compared: the import is refused if
   * the file's is different, so what gets trusted is exactly what was checked.
   */
  fingerprint: z.string().max(200),
  /** Defaults to the certificate's common name. */
  name: text(200, 'Name').default(''),
  note: text(1000, 'Note').default(''),
});
export type TrustedCertificateImport = z.input<typeof TrustedCertificateImport>;

const certificateFacts = {
  /** The certificate's common name (CN), or '' if it has none. */
  commonName: z.string(),
  subject: z.string(),
  issuer: z.string(),
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  expired: z.boolean(),
};

/** What a certificate file holds, and whether this data folder knows it already. */
export const CertificateInspection = z.object({
  ...certificateFacts,
  /** Already trusted or one of this folder's identities: the name it is known by. */
  knownAs: SignerTrust,
});
export type CertificateInspection = z.infer<typeof CertificateInspection>;

export const TrustedCertificate = z.object({
  id: Id,
  name: z.string(),
  note: z.string(),
  ...certificateFacts,
  createdAt: z.string(),
});
export type TrustedCertificate = z.infer<typeof TrustedCertificate>;
