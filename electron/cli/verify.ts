import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { DomainError } from '#shared/api/result';
import { AUDIT_TYPE_LABELS } from '#shared/domain/audit';
import { EXPORT_KIND_LABELS, type DocumentCheck } from '#shared/domain/report';
import type { VerifyResult } from '#shared/domain/signing';
import { UserError } from './errors';
import { openForCli, resolveDataDir } from './open';

/** Exit codes of `fieldwork verify`, also listed in its help. */
export const VERIFY_EXIT = { valid: 0, invalid: 1, usage: 2, unsigned: 3 } as const;

export const VERIFY_HELP = `
Exit codes:
  0  the signature is valid: every part is exactly as signed
  1  the signature is invalid (each problem is listed)
  2  usage error, or the file cannot be read or is not a DOCX
  3  the document is not signed`;

export function formatVerifyResult(file: string, r: VerifyResult): string {
  const lines = [`File:        ${file}`];
  if (r.signer) {
    lines.push(`Signed by:   ${r.signer.name || '(no name)'} (${r.signer.subject})`);
    lines.push(`Certificate: SHA-256 ${r.signer.fingerprint}`);
  }
  if (r.signedAt) lines.push(`Signed at:   ${r.signedAt} (the time the signer's computer claimed)`);
  if (r.status === 'valid') lines.push('Result:      VALID — every part of the document is exactly as signed');
  else if (r.status === 'unsigned') lines.push('Result:      UNSIGNED — this document carries no package signature');
  else {
    lines.push('Result:      INVALID');
    for (const p of r.problems) lines.push(`  - ${p}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One line: which issued version of the data folder the file is, if any. */
export function formatIssued(issued: DocumentCheck['issued'], dataDir: string): string {
  if (!issued) return `Issued:      not a version issued from ${dataDir} (no file with this SHA-256)\n`;
  const what = `${EXPORT_KIND_LABELS[issued.kind]} version ${issued.version}, report ${issued.reportNumber}`;
  const audit = `${issued.clientName} (${AUDIT_TYPE_LABELS[issued.auditType]})`;
  const when = `issued ${issued.issuedAt}, ${issued.current ? 'the current version' : 'since superseded'}`;
  return `Issued:      ${what}, ${audit}, ${when}\n`;
}

/** The issued version of the data folder with this file's SHA-256 (the folder is only read). */
async function issuedIn(dataDir: string, bytes: Buffer): Promise<DocumentCheck['issued']> {
  const { issueBySha256 } = await import('#core/repos/report-issues');
  const backend = openForCli(dataDir);
  try {
    return issueBySha256(backend.context, createHash('sha256').update(bytes).digest('hex'));
  } finally {
    backend.close();
  }
}

/**
 * `fieldwork verify FILE.docx [--data-dir D]`: checks the package signature;
 * opens no data folder unless asked to say which issued version the file is.
 */
export async function verifyCommand(file: string, opts: { dataDir?: string } = {}): Promise<void> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new UserError(`cannot read ${file}`, VERIFY_EXIT.usage);
  }
  // Loaded on demand: the XML and zip code is not needed by other commands.
  const { verifyPackage } = await import('#core/signing/package-verify');
  let result: VerifyResult;
  try {
    result = await verifyPackage(bytes);
  } catch (e) {
    if (e instanceof DomainError) throw new UserError(`${file}: ${e.message}`, VERIFY_EXIT.usage);
    throw e;
  }
  process.stdout.write(formatVerifyResult(file, result));
  if (opts.dataDir !== undefined) {
    const dataDir = resolveDataDir(opts.dataDir);
    process.stdout.write(formatIssued(await issuedIn(dataDir, bytes), dataDir));
  }
  if (result.status === 'invalid') throw new UserError('the signature is NOT valid', VERIFY_EXIT.invalid);
  if (result.status === 'unsigned') throw new UserError('the document is not signed', VERIFY_EXIT.unsigned);
}
