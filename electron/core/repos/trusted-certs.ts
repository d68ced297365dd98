import { X509Certificate } from 'node:crypto';
import type { z } from 'zod';
import { DomainError } from '#shared/api/result';
import {
  normalizeFingerprint,
  type CertificateInspection,
  type SignerTrust,
  type TrustedCertificate,
  type TrustedCertificateImport,
} from '#shared/domain/trust';
import { newId } from '../ids';
import { certificateFacts, readCertificates } from '../signing/certificate-file';
import { stamp, type RepoContext } from './context';

interface TrustedRow {
  id: string;
  fingerprint_sha256: string;
  certificate_der: Buffer;
  subject: string;
  issuer: string;
  name: string;
  not_before: string;
  not_after: string;
  note: string;
  created_at: string;
}

const NOT_FOUND = 'This trusted certificate does not exist (it may have been removed).';

const toTrusted = (ctx: RepoContext, r: TrustedRow, commonName: string): TrustedCertificate => ({
  id: r.id,
  name: r.name,
  note: r.note,
  commonName,
  subject: r.subject,
  issuer: r.issuer,
  fingerprint: r.fingerprint_sha256,
  notBefore: r.not_before,
  notAfter: r.not_after,
  expired: r.not_after < ctx.now(),
  createdAt: r.created_at,
});

const COLUMNS =
  'id, fingerprint_sha256, certificate_der, subject, issuer, name, not_before, not_after, note, created_at';

const fromRow = (ctx: RepoContext, r: TrustedRow) =>
  toTrusted(ctx, r, certificateFacts(new X509Certificate(r.certificate_der), ctx.now()).commonName);

export function listTrustedCertificates(ctx: RepoContext): TrustedCertificate[] {
  const rows = ctx.db
    .prepare(`SELECT ${COLUMNS} FROM trusted_certificates ORDER BY name COLLATE NOCASE, id`)
    .all() as TrustedRow[];
  return rows.map((r) => fromRow(ctx, r));
}

/**
 * Whether a signing certificate is known here, by its SHA-256 fingerprint:
 * one of this folder's signing identities first, then a trusted certificate.
 */
export function signerTrust(ctx: RepoContext, fingerprint: string): SignerTrust | null {
  const fp = normalizeFingerprint(fingerprint);
  if (!fp) return null;
  const identity = ctx.db.prepare('SELECT name FROM signing_identities WHERE fingerprint_sha256 = ?').pluck().get(fp);
  if (typeof identity === 'string') return { kind: 'known_identity', matched: identity };
  const trusted = ctx.db.prepare('SELECT name FROM trusted_certificates WHERE fingerprint_sha256 = ?').pluck().get(fp);
  if (typeof trusted === 'string') return { kind: 'trusted_certificate', matched: trusted };
  return null;
}

/** The one certificate of an uploaded file (parsed outside any transaction). */
export function readCertificateUpload(certificateBase64: string): X509Certificate {
  const bytes = Buffer.from(certificateBase64, 'base64');
  if (bytes.length === 0) throw new DomainError('invalid_input', 'The certificate file is empty.');
  const certs = readCertificates(bytes);
  if (certs.length > 1) {
    throw new DomainError(
      'invalid_input',
      `This file holds ${certs.length} certificates; import the signer's own certificate on its own.`,
    );
  }
  return certs[0]!;
}

export function inspectCertificate(ctx: RepoContext, cert: X509Certificate): CertificateInspection {
  const facts = certificateFacts(cert, ctx.now());
  return { ...facts, knownAs: signerTrust(ctx, facts.fingerprint) ?? { kind: 'unknown', matched: '' } };
}

export function importTrustedCertificate(
  ctx: RepoContext,
  input: z.output<typeof TrustedCertificateImport>,
  cert: X509Certificate,
): TrustedCertificate {
  const facts = certificateFacts(cert, ctx.now());
  if (normalizeFingerprint(input.fingerprint) !== facts.fingerprint) {
    throw new DomainError(
      'invalid_input',
      'The file’s fingerprint is not the one you were shown; nothing was trusted. Open the file again and compare.',
    );
  }
  const known = signerTrust(ctx, facts.fingerprint);
  if (known?.kind === 'known_identity') {
    throw new DomainError('conflict', `This certificate is already your signing identity ${known.matched}.`);
  }
  if (known) throw new DomainError('conflict', `This certificate is already trusted, as ${known.matched}.`);
  const name = input.name || facts.commonName || facts.subject || 'Unnamed certificate';
  const s = stamp(ctx);
  const id = newId();
  ctx.db
    .prepare(
      `INSERT INTO trusted_certificates (id, fingerprint_sha256, certificate_der, subject, issuer, name, not_before,
         not_after, note, created_at, updated_at, device_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      facts.fingerprint,
      cert.raw,
      facts.subject,
      facts.issuer,
      name,
      facts.notBefore,
      facts.notAfter,
      input.note,
      s.now,
      s.now,
      s.device,
    );
  return getTrustedCertificate(ctx, id);
}

export function getTrustedCertificate(ctx: RepoContext, id: string): TrustedCertificate {
  const r = ctx.db.prepare(`SELECT ${COLUMNS} FROM trusted_certificates WHERE id = ?`).get(id) as
    TrustedRow | undefined;
  if (!r) throw new DomainError('not_found', NOT_FOUND);
  return fromRow(ctx, r);
}

/** Documents signed with it read as "signer not known" again; nothing else changes. */
export function removeTrustedCertificate(ctx: RepoContext, id: string): void {
  getTrustedCertificate(ctx, id);
  ctx.db.prepare('DELETE FROM trusted_certificates WHERE id = ?').run(id);
}
