import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import type { Backend } from '#core/backend';
import { sampleAudit, sampleClient, tempBackend, value } from '../../helpers/backend';

export const PASSPHRASE = 'team passphrase';

/** A data folder with its own signing identity, like each auditor's laptop (`opts.dataKey`: an encrypted one). */
export async function laptop(name: string, opts: Parameters<typeof tempBackend>[0] = {}) {
  const t = tempBackend(opts);
  const identity = value(
    await t.backend.call('signing.create', {
      name,
      email: '',
      organisation: 'Example Certification Ltd',
      keyAlgorithm: 'ecdsa-p256',
      validityDays: 30,
      protection: { kind: 'passphrase', passphrase: PASSPHRASE },
    }),
  );
  return { t, name, identityId: identity.id, fingerprint: identity.fingerprint };
}
export type Laptop = Awaited<ReturnType<typeof laptop>>;

/**
 * Per-test set-up of a team test file: a scratch folder for package files, and
 * the laptops made (or tracked) during a test closed and removed after it.
 */
export function useLaptops() {
  let dir = '';
  const open: Laptop[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fieldwork-team-'));
  });
  afterEach(() => {
    for (const l of open.splice(0)) l.t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });
  const track = (l: Laptop): Laptop => {
    open.push(l);
    return l;
  };
  return {
    /** This test's scratch folder. */
    dir: () => dir,
    track,
    make: async (name: string) => track(await laptop(name)),
  };
}

/** A client and an audit with its checklist, on the lead's laptop. */
export async function leadAudit(lead: Laptop) {
  const b = lead.t.backend;
  const client = value(await b.call('clients.create', sampleClient()));
  const audit = value(await b.call('audits.create', sampleAudit(client.id, [client.sites[0]!.id])));
  const items = value(await b.call('checklist.get', { auditId: audit.id })).items;
  return { client, audit, items };
}

/** team.export, then the file read back with team.read into `dir`. */
export async function exportPackage(
  from: Laptop,
  auditId: string,
  dir: string,
  opts: { for?: string; full?: boolean; includeEvidence?: boolean } = {},
) {
  const b = from.t.backend;
  const result = value(
    await b.call('team.export', {
      auditId,
      identityId: from.identityId,
      unlock: { kind: 'passphrase', passphrase: PASSPHRASE },
      by: from.name,
      ...opts,
    }),
  );
  const parts: Buffer[] = [];
  for (let offset = 0; ;) {
    const chunk = value(await b.call('team.read', { fileId: result.fileId, offset, length: 4 * 1024 * 1024 }));
    const bytes = Buffer.from(chunk.dataBase64, 'base64');
    parts.push(bytes);
    offset += bytes.length;
    if (chunk.eof) break;
  }
  const file = join(dir, `${result.packageId}.fwpkg`);
  const whole = Buffer.concat(parts);
  writeFileSync(file, whole);
  if (createHash('sha256').update(whole).digest('hex') !== result.sha256) throw new Error('package read back differs');
  return { ...result, file, bytes: whole };
}

/** Uploads a package file in chunks; answers the upload id. */
export async function upload(to: Backend, bytes: Buffer): Promise<string> {
  const { uploadId } = value(await to.call('team.uploadBegin', { name: 'package.fwpkg', size: bytes.length }));
  for (let offset = 0; offset < bytes.length; offset += 1024 * 1024) {
    const dataBase64 = bytes.subarray(offset, offset + 1024 * 1024).toString('base64');
    value(await to.call('team.uploadChunk', { uploadId, offset, dataBase64 }));
  }
  return uploadId;
}

export async function preview(to: Laptop, bytes: Buffer) {
  const uploadId = await upload(to.t.backend, bytes);
  const p = value(await to.t.backend.call('team.preview', { uploadId }));
  value(await to.t.backend.call('team.uploadAbort', { uploadId }));
  return p;
}

/** Imports a package, confirming the signer's fingerprint. */
export async function importPackage(to: Laptop, bytes: Buffer, acceptFingerprint?: string) {
  const uploadId = await upload(to.t.backend, bytes);
  return to.t.backend.call('team.import', {
    uploadId,
    by: to.name,
    ...(acceptFingerprint ? { acceptFingerprint } : {}),
  });
}

/** The materialised records of the logged tables, for "same result" comparisons. */
export function records(b: Backend): Record<string, unknown[]> {
  const tables = [
    'clients',
    'client_contacts',
    'client_sites',
    'audits',
    'audit_sites',
    'audit_team',
    'checklist_items',
    'checklist_samples',
    'interviews',
    'interview_auditors',
    'interview_items',
    'observations',
    'observation_items',
    'documents_reviewed',
    'document_items',
    'evidence',
    'evidence_links',
    'findings',
    'finding_items',
    'finding_records',
    'finding_responses',
    'audit_reports',
  ];
  return Object.fromEntries(tables.map((t) => [t, b.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2, 3`).all()]));
}
