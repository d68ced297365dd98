import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import JSZip from 'jszip';
import type { VersionVector } from '#shared/domain/sync';
import type { MergeChange, MergeTombstone } from '#shared/rules/merge/index';
import { PACKAGE_FORMAT_VERSION, type PackageEntry, type PackageManifest } from '#shared/domain/package';
import { newId } from '../ids';
import { ChunkSealer, plainSizeOf, type FileKey } from '../crypto/file-cipher';
import { sealedReaderStream } from '../crypto/sealed-reader';
import { encodeChanges } from './record-layout';
import { signManifest, type PackageSigner } from './signature';

export interface PackageContent {
  kind: 'send' | 'return';
  auditId: string;
  leadFolderId: string;
  senderDevice: string;
  senderName: string;
  versionVector: VersionVector;
  createdAt: string;
  /** Each with its base (`replaces`): the merge judges concurrency by it. */
  changes: readonly MergeChange[];
  tombstones: readonly MergeTombstone[];
  /** Evidence files on disk (the store's blobs); `key` when sealed (an encrypted folder): decrypted into the package. */
  evidence: readonly { sha256: string; path: string; key?: FileKey | null }[];
}

export interface WrittenPackage {
  manifest: PackageManifest;
  /** SHA-256 of the whole package file: what the report's provenance names. */
  sha256: string;
  size: number;
}

const jsonl = (rows: readonly unknown[]): Buffer => Buffer.from(rows.map((r) => `${JSON.stringify(r)}\n`).join(''));
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const entryOf = (path: string, bytes: Buffer): PackageEntry => ({ path, size: bytes.length, sha256: sha256(bytes) });

/**
 * Writes a signed package to `out`: jszip streams it (streamFiles) to a temp
 * file beside `out`, reading each evidence file from disk as it goes, stored
 * rather than deflated (JPEG and PDF do not shrink); then fsync and rename,
 * so `out` is either the whole package or absent. With `seal` (a package kept
 * in an encrypted folder) the file is sealed from its first byte, temp file
 * included; its SHA-256 and size stay the plain package's (what the receiver
 * computes of the file it is sent).
 */
export async function writePackage(
  out: string,
  content: PackageContent,
  signer: PackageSigner,
  seal: FileKey | null = null,
): Promise<WrittenPackage> {
  const changes = Buffer.from(encodeChanges(content.changes));
  const tombstones = jsonl(content.tombstones);
  const entries: PackageEntry[] = [entryOf('changes.jsonl', changes), entryOf('tombstones.jsonl', tombstones)];
  for (const e of content.evidence) {
    const stored = (await stat(e.path)).size;
    entries.push({ path: `evidence/${e.sha256}`, size: e.key ? plainSizeOf(stored) : stored, sha256: e.sha256 });
  }
  const manifest: PackageManifest = {
    formatVersion: PACKAGE_FORMAT_VERSION,
    packageId: newId(),
    kind: content.kind,
    auditId: content.auditId,
    leadFolderId: content.leadFolderId,
    senderDevice: content.senderDevice,
    senderName: content.senderName,
    versionVector: content.versionVector,
    createdAt: content.createdAt,
    entries,
  };
  const manifestBytes = Buffer.from(JSON.stringify(manifest));
  const signature = Buffer.from(JSON.stringify(signManifest(manifestBytes, signer)));

  const zip = new JSZip();
  const deflate = { compression: 'DEFLATE' as const, createFolders: false };
  zip.file('manifest.json', manifestBytes, deflate);
  zip.file('signature.json', signature, deflate);
  zip.file('changes.jsonl', changes, deflate);
  zip.file('tombstones.jsonl', tombstones, deflate);
  for (const e of content.evidence) {
    zip.file(`evidence/${e.sha256}`, e.key ? sealedReaderStream(e.path, e.key) : createReadStream(e.path), {
      binary: true,
      compression: 'STORE',
      createFolders: false,
    });
  }

  const tmp = `${out}.${randomUUID()}.tmp`;
  const hash = createHash('sha256');
  let size = 0;
  const sealer = seal ? new ChunkSealer(seal) : null;
  try {
    await pipeline(
      zip.generateNodeStream({ type: 'nodebuffer', streamFiles: true }),
      async function* (source: AsyncIterable<Buffer | string>) {
        for await (const piece of source) {
          const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
          hash.update(chunk);
          size += chunk.length;
          if (sealer) yield* sealer.push(chunk);
          else yield chunk;
        }
        if (sealer) yield* sealer.end();
      },
      createWriteStream(tmp, { mode: 0o600 }),
    );
    const handle = await open(tmp, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, out);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  return { manifest, sha256: hash.digest('hex'), size };
}
