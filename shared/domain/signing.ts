import { z } from 'zod';
import { Id, requiredText, text } from './common';
import { SignerTrust } from './trust';

/**
 * Signing identities: an auditor's X.509 certificate and private key, used to
 * sign issued reports (an OOXML package signature Word and others verify).
 */
export const KEY_PROTECTIONS = ['passphrase', 'os_keychain'] as const;
export const KeyProtectionKind = z.enum(KEY_PROTECTIONS);
export type KeyProtectionKind = z.infer<typeof KeyProtectionKind>;

export const PASSPHRASE_MIN = 8;
const Passphrase = z.string().max(1024, 'The passphrase is too long (at most 1024 characters)');

/**
 * How a new identity's key is protected. 'os_keychain' is answered by the
 * desktop app's main process, which replaces it with 'wrapped' (a random
 * secret and that secret encrypted by Electron safeStorage) before the
 * backend sees it; elsewhere it is refused as unsupported.
 */
export const NewKeyProtection = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('passphrase'),
      passphrase: Passphrase.min(PASSPHRASE_MIN, `The passphrase needs at least ${PASSPHRASE_MIN} characters`),
    }),
    z.strictObject({ kind: z.literal('os_keychain') }),
    z.strictObject({
      kind: z.literal('wrapped'),
      secret: z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'Not a key secret'),
      wrapped: z.string().min(1).max(8192),
    }),
  ],
  { error: 'Choose how the key is protected: a passphrase or the OS keychain' },
);
export type NewKeyProtection = z.input<typeof NewKeyProtection>;

/** Unlocks a key to sign with. 'os_keychain' is turned into the unwrapped secret by the desktop main process. */
export const Unlock = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('passphrase'), passphrase: Passphrase.min(1, 'Enter the passphrase') }),
    z.strictObject({ kind: z.literal('os_keychain') }),
  ],
  { error: 'Say how to unlock the signing key' },
);
export type Unlock = z.input<typeof Unlock>;

const identityFields = {
  name: requiredText(200, 'Name'),
  email: z.union([z.literal(''), z.email('Not a valid e-mail address').max(254)]).default(''),
  role: text(200, 'Role').default('Lead auditor'),
  organisation: text(200, 'Organisation').default(''),
};

export const KEY_ALGORITHMS = ['rsa-3072', 'ecdsa-p256'] as const;

export const SigningIdentityCreate = z.strictObject({
  ...identityFields,
  /** RSA is what every Word version verifies; ECDSA P-256 is smaller and quicker to create. */
  keyAlgorithm: z.enum(KEY_ALGORITHMS).default('rsa-3072'),
  validityDays: z.number().int().min(1, 'At least one day').max(3650, 'At most ten years').default(1095),
  protection: NewKeyProtection,
});
export type SigningIdentityCreate = z.input<typeof SigningIdentityCreate>;

/** Largest PKCS#12 (.p12/.pfx) file accepted. */
export const PKCS12_MAX_BYTES = 256 * 1024;

export const SigningIdentityImport = z.strictObject({
  /** Defaults to the certificate's common name. */
  name: text(200, 'Name').default(''),
  role: text(200, 'Role').default('Lead auditor'),
  pkcs12Base64: z
    .string()
    .min(1, 'The certificate file is empty')
    .max(Math.ceil(PKCS12_MAX_BYTES / 3) * 4, 'The file is too large for a PKCS#12 certificate (at most 256 KB)'),
  /** The password the certification body gave with the file (may be empty). */
  pkcs12Password: z.string().max(1024).default(''),
  protection: NewKeyProtection,
  /** Import a certificate that has expired anyway (refused with `certificate_expired` otherwise), as for issuing. */
  acceptExpired: z.boolean().default(false),
});
export type SigningIdentityImport = z.input<typeof SigningIdentityImport>;

export const SigningIdentity = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: z.string(),
  organisation: z.string(),
  subject: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  /** SHA-256 of the DER certificate, upper-case hex pairs joined by ':' as certificate viewers show it. */
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  expired: z.boolean(),
  selfIssued: z.boolean(),
  protection: KeyProtectionKind,
  createdAt: z.string(),
});
export type SigningIdentity = z.infer<typeof SigningIdentity>;

/** 'valid' means intact: every part exactly as signed. Who signed is `VerifyResult.trust`. */
export const VERIFY_STATUSES = ['valid', 'invalid', 'unsigned'] as const;
/** The maths of a package signature, as `verifyPackage` finds it. */
export const PackageVerification = z.object({
  status: z.enum(VERIFY_STATUSES),
  signer: z.object({ name: z.string(), subject: z.string(), fingerprint: z.string() }).nullable(),
  /** The signing time the signature claims (ISO 8601). */
  signedAt: z.string().nullable(),
  /** Why it is invalid, one line per problem (empty when valid). */
  problems: z.array(z.string()),
});
export type PackageVerification = z.infer<typeof PackageVerification>;

/** The verdict shown to people: intact or not, and whether the signing certificate is known here (null: no signer). */
export const VerifyResult = PackageVerification.extend({ trust: SignerTrust.nullable() });
export type VerifyResult = z.infer<typeof VerifyResult>;
