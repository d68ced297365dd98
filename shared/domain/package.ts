import { z } from 'zod';
import { Hlc, VersionVector } from './sync';

/**
 * Team packages (.fwpkg, issue 13): a ZIP holding manifest.json, signature.json,
 * changes.jsonl, tombstones.jsonl and evidence/<sha256> files. The manifest lists
 * every other entry with its size and SHA-256; the signature covers the
 * manifest's exact bytes, so it covers everything.
 */
export const PACKAGE_FORMAT_VERSION = 2;
/*
 * Format 2 writes changes.jsonl a record a line, each table's field names declared once
 * (electron/core/packages/record-layout.ts); format 1 wrote one JSON object per field change.
 * Both are read: packages already written still import.
 */

export const SHA256_HEX = /^[0-9a-f]{64}$/;
const Uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'Not an id');
/** The names a package may hold besides the manifest and the signature. */
export const PACKAGE_ENTRY_NAME = /^(changes\.jsonl|tombstones\.jsonl|evidence\/[0-9a-f]{64})$/;

export const PackageEntry = z.strictObject({
  path: z.string().regex(PACKAGE_ENTRY_NAME, 'Not a package entry name'),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(SHA256_HEX, 'Not a SHA-256'),
});
export type PackageEntry = z.infer<typeof PackageEntry>;

export const PackageManifest = z.strictObject({
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  packageId: Uuid,
  kind: z.enum(['send', 'return']),
  auditId: Uuid,
  /** The lead's data folder: its device id. Another lead's package is refused on import. */
  leadFolderId: Uuid,
  senderDevice: Uuid,
  senderName: z.string().max(200),
  versionVector: VersionVector,
  createdAt: Hlc,
  entries: z.array(PackageEntry).max(100_000),
});
export type PackageManifest = z.infer<typeof PackageManifest>;

export const PackageSignature = z.strictObject({
  algorithm: z.enum(['RSA-SHA256', 'ECDSA-P256-SHA256']),
  /** Base64 of the signature over manifest.json's bytes (DER-encoded for ECDSA). */
  signature: z.string().min(1).max(4096),
  /** Base64 of the signer's DER certificate. */
  certificate: z.string().min(1).max(65536),
  /** SHA-256 of the certificate, colon-separated upper-case hex (as Node's fingerprint256). */
  fingerprint: z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'Not a fingerprint'),
});
export type PackageSignature = z.infer<typeof PackageSignature>;
