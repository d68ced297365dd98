import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Backend } from '#core/backend';
import { UPLOAD_CHUNK_BYTES, type EvidenceTarget } from '#shared/domain/evidence';
import { sampleAudit, sampleClient, value } from '../../helpers/backend';

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A client with one planned audit; returns ids to link attachments to. */
export async function seedAudit(backend: Backend, clientId?: string) {
  const client = clientId ?? value(await backend.call('clients.create', sampleClient())).id;
  const audit = value(await backend.call('audits.create', sampleAudit(client)));
  const items = value(await backend.call('checklist.get', { auditId: audit.id })).items;
  return { clientId: client, auditId: audit.id, itemIds: items.slice(0, 3).map((i) => i.id) };
}

/** Uploads `bytes` through the API in chunks, as the renderer does; answers the commit envelope. */
export async function upload(
  backend: Backend,
  auditId: string,
  name: string,
  bytes: Uint8Array,
  links: EvidenceTarget[] = [{ type: 'audit', id: auditId }],
  extra: { mediaType?: string; description?: string; addedBy?: string; chunkBytes?: number } = {},
) {
  const begin = value(
    await backend.call('evidence.uploadBegin', { auditId, name, size: bytes.length, mediaType: extra.mediaType ?? '' }),
  );
  const step = extra.chunkBytes ?? UPLOAD_CHUNK_BYTES;
  for (let offset = 0; offset < bytes.length; offset += step) {
    const chunk = Buffer.from(bytes.subarray(offset, offset + step)).toString('base64');
    value(await backend.call('evidence.uploadChunk', { uploadId: begin.uploadId, offset, dataBase64: chunk }));
  }
  return backend.call('evidence.uploadCommit', {
    uploadId: begin.uploadId,
    links,
    description: extra.description ?? '',
    addedBy: extra.addedBy ?? '',
  });
}

/** Reads an attachment back through evidence.read, in chunks. */
export async function readBack(backend: Backend, id: string, length = 1024 * 1024): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let offset = 0; ;) {
    const r = value(await backend.call('evidence.read', { id, offset, length }));
    const part = Buffer.from(r.dataBase64, 'base64');
    parts.push(part);
    offset += part.length;
    if (r.eof) break;
  }
  return Buffer.concat(parts);
}

/** Every file under <dataDir>/evidence/<sub>, relative to it. */
export function filesIn(dataDir: string, sub: 'blobs' | 'thumbs' | 'tmp'): string[] {
  const root = join(dataDir, 'evidence', sub);
  if (!existsSync(root)) return [];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) walk(join(dir, e.name));
      else out.push(relative(root, join(dir, e.name)));
    }
  };
  walk(root);
  return out.sort();
}

export const blobNames = (dataDir: string) => filesIn(dataDir, 'blobs').map((f) => f.split(/[\\/]/).pop()!);
