import { generateKeyPairSync, X509Certificate, type KeyObject } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '#shared/api/result';
import type {
  NewKeyProtection,
  SigningIdentity,
  SigningIdentityCreate,
  SigningIdentityImport,
  Unlock,
} from '#shared/domain/signing';
import { newId } from '../ids';
import { selfIssuedCertificate } from '../signing/certificate';
import { openKey, sealKey } from '../signing/key-protection';
import { checkSigningKey, readPkcs12, type Pkcs12Contents } from '../signing/pkcs12';
import { stamp, type RepoContext } from './context';

interface IdentityRow {
  id: string;
  name: string;
  email: string;
  role: string;
  organisation: string;
  certificate_der: Buffer;
  fingerprint_sha256: string;
  subject: string;
  issuer: string;
  serial_number: string;
  not_before: string;
  not_after: string;
  self_issued: number;
  protection: 'passphrase' | 'os_keychain';
  encrypted_key: string;
  wrapped_secret: string | null;
  created_at: string;
}

const NOT_FOUND = 'This signing identity does not exist (it may have been deleted).';
const DAY = 86_400_000;

const toIdentity = (ctx: RepoContext, r: IdentityRow): SigningIdentity => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  organisation: r.organisation,
  subject: r.subject,
  issuer: r.issuer,
  serialNumber: r.serial_number,
  fingerprint: r.fingerprint_sha256,
  notBefore: r.not_before,
  notAfter: r.not_after,
  expired: r.not_after < ctx.now(),
  selfIssued: r.self_issued === 1,
  protection: r.protection,
  createdAt: r.created_at,
});

function row(ctx: RepoContext, id: string): IdentityRow {
  const r = ctx.db.prepare('SELECT * FROM signing_identities WHERE id = ?').get(id) as IdentityRow | undefined;
  if (!r) throw new DomainError('not_found', NOT_FOUND);
  return r;
}

export function listSigningIdentities(ctx: RepoContext): SigningIdentity[] {
  const rows = ctx.db
    .prepare('SELECT * FROM signing_identities ORDER BY name COLLATE NOCASE, id')
    .all() as IdentityRow[];
  return rows.map((r) => toIdentity(ctx, r));
}

export function getSigningIdentity(ctx: RepoContext, id: string): SigningIdentity {
  return toIdentity(ctx, row(ctx, id));
}

/** How the key is sealed: with the passphrase, or with the random secret the OS keychain wrapped. */
function sealing(p: z.output<typeof NewKeyProtection>): {
  kind: 'passphrase' | 'os_keychain';
  secret: string;
  wrapped: string | null;
} {
  if (p.kind === 'os_keychain') {
    throw new DomainError(
      'unsupported',
      'The OS keychain is only available in the desktop app; choose a passphrase instead.',
    );
  }
  if (p.kind === 'wrapped') return { kind: 'os_keychain', secret: p.secret, wrapped: p.wrapped };
  if (p.passphrase.length === 0) throw new DomainError('invalid_input', 'Enter a passphrase');
  return { kind: 'passphrase', secret: p.passphrase, wrapped: null };
}

/** "CN=…, O=…" from Node's one-attribute-per-line form. */
const dn = (lines: string): string => lines.split('\n').filter(Boolean).join(', ');
const attr = (lines: string, key: string): string =>
  lines
    .split('\n')
    .find((l) => l.startsWith(`${key}=`))
    ?.slice(key.length + 1) ?? '';

interface Details {
  name: string;
  email: string;
  role: string;
  organisation: string;
}

/** The limits the identity's fields have when typed in (shared/domain/signing.ts), applied to a certificate's. */
const LIMITS: [keyof Details, string, number][] = [
  ['name', 'name', 200],
  ['organisation', 'organisation', 200],
  ['email', 'e-mail address', 254],
];

/**
 * Refuses what Fieldwork must not sign with: a key it does not sign with, a
 * certificate not yet valid, an expired one (unless confirmed), and names
 * longer than the identity's fields allow.
 */
function checkIdentity(ctx: RepoContext, details: Details, cert: X509Certificate, acceptExpired: boolean) {
  checkSigningKey(cert.publicKey);
  const now = new Date(ctx.now()).getTime();
  const from = new Date(cert.validFrom);
  const to = new Date(cert.validTo);
  if (from.getTime() > now) {
    throw new DomainError(
      'invalid_input',
      `This certificate is not valid yet: it becomes valid on ${from.toISOString().slice(0, 10)}. Import it from then on.`,
    );
  }
  if (to.getTime() < now && !acceptExpired) {
    throw new DomainError(
      'certificate_expired',
      `This certificate expired on ${to.toISOString().slice(0, 10)}. Reports signed with it will show an expired ` +
        'certificate; confirm to import it anyway.',
    );
  }
  for (const [field, label, max] of LIMITS) {
    const length = [...details[field]].length;
    if (length > max) {
      throw new DomainError(
        'invalid_input',
        `The certificate's ${label} is ${length} characters long; at most ${max} are allowed.` +
          (field === 'name' ? ' Type a shorter name in the Name field.' : ''),
      );
    }
  }
}

function insert(
  ctx: RepoContext,
  details: Details,
  certificateDer: Buffer,
  privateKey: KeyObject,
  protection: z.output<typeof NewKeyProtection>,
  acceptExpired = false,
): SigningIdentity {
  const seal = sealing(protection);
  const cert = new X509Certificate(certificateDer);
  checkIdentity(ctx, details, cert, acceptExpired);
  const fingerprint = cert.fingerprint256;
  if (ctx.db.prepare('SELECT 1 FROM signing_identities WHERE fingerprint_sha256 = ?').get(fingerprint)) {
    throw new DomainError('conflict', 'This certificate is already one of your signing identities.');
  }
  const s = stamp(ctx);
  const id = newId();
  // Not checkIssued(): OpenSSL also wants keyCertSign there, which a signing-only certificate lacks.
  const selfIssued = cert.subject === cert.issuer && cert.verify(cert.publicKey);
  ctx.db
    .prepare(
      `INSERT INTO signing_identities (id, name, email, role, organisation, certificate_der, fingerprint_sha256,
         subject, issuer, serial_number, not_before, not_after, self_issued, protection, encrypted_key,
         wrapped_secret, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      details.name,
      details.email,
      details.role,
      details.organisation,
      certificateDer,
      fingerprint,
      dn(cert.subject),
      dn(cert.issuer),
      cert.serialNumber.toUpperCase(),
      new Date(cert.validFrom).toISOString(),
      new Date(cert.validTo).toISOString(),
      selfIssued ? 1 : 0,
      seal.kind,
      sealKey(privateKey, seal.secret),
      seal.wrapped,
      s.now,
      s.now,
      s.device,
    );
  return getSigningIdentity(ctx, id);
}

export interface CreateOptions {
  /** Tests only: start the validity period here (in the past, to get an expired certificate, with acceptExpired). */
  validFrom?: Date;
  acceptExpired?: boolean;
  /** A key pair made beforehand (outside the transaction: RSA generation takes a second). */
  keyPair?: { publicKey: KeyObject; privateKey: KeyObject };
}

export function generateKeyPairFor(algorithm: z.output<typeof SigningIdentityCreate>['keyAlgorithm']) {
  return algorithm === 'ecdsa-p256'
    ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
    : generateKeyPairSync('rsa', { modulusLength: 3072 });
}

/** A new key pair and a self-issued certificate (CN=name, O=organisation, emailAddress). */
type CreateInput = Omit<z.output<typeof SigningIdentityCreate>, 'keyAlgorithm'> &
  Partial<Pick<z.output<typeof SigningIdentityCreate>, 'keyAlgorithm'>>;

export function createSelfIssuedIdentity(
  ctx: RepoContext,
  input: CreateInput,
  options: CreateOptions = {},
): SigningIdentity {
  sealing(input.protection); // refuse an unusable protection before the slow work
  const { publicKey, privateKey } = options.keyPair ?? generateKeyPairFor(input.keyAlgorithm ?? 'rsa-3072');
  // Seconds precision: certificates cannot carry more.
  const notBefore = new Date(Math.floor((options.validFrom ?? new Date(ctx.now())).getTime() / 1000) * 1000);
  const certificateDer = selfIssuedCertificate({
    subject: { commonName: input.name, organisation: input.organisation, email: input.email },
    publicKey,
    privateKey,
    notBefore,
    notAfter: new Date(notBefore.getTime() + input.validityDays * DAY),
  });
  return insert(ctx, input, certificateDer, privateKey, input.protection, options.acceptExpired);
}

/** Parses the PKCS#12 file (throws specific errors); kept apart so a handler can do it before its transaction. */
export function readImport(input: z.output<typeof SigningIdentityImport>): Promise<Pkcs12Contents> {
  return readPkcs12(Buffer.from(input.pkcs12Base64, 'base64'), input.pkcs12Password);
}

export function importPkcs12Identity(
  ctx: RepoContext,
  input: z.output<typeof SigningIdentityImport>,
  contents: Pkcs12Contents,
): SigningIdentity {
  const cert = new X509Certificate(contents.certificateDer);
  const details: Details = {
    name: input.name || attr(cert.subject, 'CN') || 'Imported certificate',
    email: attr(cert.subject, 'emailAddress'),
    role: input.role,
    organisation: attr(cert.subject, 'O'),
  };
  return insert(ctx, details, contents.certificateDer, contents.privateKey, input.protection, input.acceptExpired);
}

export function deleteSigningIdentity(ctx: RepoContext, id: string): void {
  row(ctx, id);
  // Issued reports keep their signer's name and fingerprint; their link to the identity is cleared.
  ctx.db.prepare('DELETE FROM signing_identities WHERE id = ?').run(id);
}

export function certificatePem(ctx: RepoContext, id: string): string {
  return new X509Certificate(row(ctx, id).certificate_der).toString();
}

export function keyWrap(ctx: RepoContext, id: string): { wrapped: string | null } {
  return { wrapped: row(ctx, id).wrapped_secret };
}

/** The identity's private key, opened with the passphrase (or the unwrapped keychain secret). */
export function unlockSigningKey(
  ctx: RepoContext,
  identityId: string,
  unlock: z.output<typeof Unlock>,
): { identity: SigningIdentity; privateKey: KeyObject; certificateDer: Buffer } {
  const r = row(ctx, identityId);
  if (unlock.kind === 'os_keychain') {
    throw new DomainError(
      'unsupported',
      'The OS keychain is only available in the desktop app; choose a passphrase instead.',
    );
  }
  const privateKey = openKey(r.encrypted_key, unlock.passphrase);
  if (!privateKey) throw new DomainError('wrong_passphrase', 'The passphrase is wrong. Nothing was signed.');
  return { identity: toIdentity(ctx, r), privateKey, certificateDer: Buffer.from(r.certificate_der) };
}
