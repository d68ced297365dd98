import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signatureTools } from '#core/backend';
import { DomainError } from '#shared/api/result';
import { AUDIT_TYPE_LABELS } from '#shared/domain/audit';
import { EXPORT_KIND_LABELS, type DocumentCheck } from '#shared/domain/report';
import type { PackageVerification, VerifyResult } from '#shared/domain/signing';
import { isTrustedValid, normalizeFingerprint, withTrust, type SignerTrust } from '#shared/domain/trust';
import { UserError } from './errors';
import { VERIFY_EXIT } from './help';
import { must, openExistingForCli, resolveDataDir } from './open';

const TRUST_WORDS: Record<Exclude<SignerTrust['kind'], 'unknown'>, (matched: string) => string> = {
  known_identity: (m) => `KNOWN — the signing identity ${m} of the data folder`,
  trusted_certificate: (m) => `KNOWN — the trusted certificate ${m}`,
  given_fingerprint: () => 'KNOWN — the fingerprint given with --trust-fingerprint',
};

/**
 * The verdict in words. `unknownTo` completes "by a certificate …" for an
 * unknown signer: what was asked and did not know it.
 */
export function formatVerifyResult(file: string, r: VerifyResult, unknownTo: string): string {
  const lines = [`File:        ${file}`];
  if (r.signer) {
    lines.push(`Signed by:   ${r.signer.name || '(no name)'} (${r.signer.subject})`);
    lines.push(`Certificate: SHA-256 ${r.signer.fingerprint}`);
  }
  if (r.signedAt) lines.push(`Signed at:   ${r.signedAt} (the time the signer's computer claimed)`);
  if (r.trust && r.trust.kind !== 'unknown') lines.push(`Signer:      ${TRUST_WORDS[r.trust.kind](r.trust.matched)}`);
  else if (r.trust) lines.push('Signer:      NOT KNOWN — the name in a certificate proves nothing on its own');
  if (r.status === 'valid' && r.trust?.kind === 'unknown') {
    lines.push(
      'Result:      INTACT, SIGNER UNKNOWN — the document is unchanged since it was signed,',
      `             but by a certificate ${unknownTo}.`,
      '             Compare the fingerprint above with the signer by phone; if it matches, pass it',
      '             with --trust-fingerprint, or import their certificate as trusted.',
    );
  } else if (r.status === 'valid') {
    lines.push('Result:      VALID — every part of the document is exactly as signed');
  } else if (r.status === 'unsigned') lines.push('Result:      UNSIGNED — this document carries no package signature');
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

/** What a data folder says about a file: the issued version with its SHA-256, and whether it knows the signer. */
async function lookUpIn(
  dataDir: string,
  bytes: Buffer,
  fingerprint: string | null,
): Promise<{ issued: DocumentCheck['issued']; trust: SignerTrust | null }> {
  const backend = openExistingForCli(dataDir, VERIFY_EXIT.usage);
  try {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return must(await backend.call('verify.lookUp', { sha256, fingerprint }));
  } finally {
    backend.close();
  }
}

const usage = (message: string) => new UserError(message, VERIFY_EXIT.usage);

/** --trust-fingerprint values in the stored form; a malformed one is a usage error. */
export function parseFingerprints(values: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const v of values) {
    const fp = normalizeFingerprint(v);
    if (!fp) throw usage(`--trust-fingerprint ${v} is not a SHA-256 fingerprint (64 hex digits, colons optional)`);
    out.add(fp);
  }
  return out;
}

const CERT_FILE = /\.(pem|crt|cer|der)$/i;

/** Fingerprint → file name, for every certificate in the .pem/.crt/.cer/.der files of `dir`. */
async function certificatesIn(dir: string): Promise<Map<string, string>> {
  const { readCertificates } = await signatureTools();
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => CERT_FILE.test(n)).sort();
  } catch {
    throw usage(`cannot read the folder ${dir} (--trusted-certs)`);
  }
  const found = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw usage(`cannot read ${path}`);
    }
    try {
      for (const cert of readCertificates(bytes)) found.set(cert.fingerprint256, name);
    } catch (e) {
      if (e instanceof DomainError) throw usage(`${path}: ${e.message}`);
      throw e;
    }
  }
  return found;
}

export interface VerifyOptions {
  dataDir?: string;
  trustFingerprint?: string[];
  trustedCerts?: string;
}

/**
 * `fieldwork verify FILE.docx [--trust-fingerprint FP]… [--trusted-certs DIR] [--data-dir D]`:
 * checks the package signature and whether its certificate is known; opens a
 * data folder only when asked, and only one that exists.
 */
export async function verifyCommand(file: string, opts: VerifyOptions = {}): Promise<void> {
  const given = parseFingerprints(opts.trustFingerprint ?? []);
  const certs = opts.trustedCerts === undefined ? new Map<string, string>() : await certificatesIn(opts.trustedCerts);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw usage(`cannot read ${file}`);
  }
  const { verifyPackage } = await signatureTools();
  let maths: PackageVerification;
  try {
    maths = await verifyPackage(bytes);
  } catch (e) {
    if (e instanceof DomainError) throw usage(`${file}: ${e.message}`);
    throw e;
  }
  const dataDir = opts.dataDir === undefined ? undefined : resolveDataDir(opts.dataDir);
  const folder = dataDir ? await lookUpIn(dataDir, bytes, maths.signer?.fingerprint ?? null) : undefined;
  const result = withTrust(maths, (fp) => {
    if (folder?.trust) return folder.trust;
    const file = certs.get(fp);
    if (file) return { kind: 'trusted_certificate', matched: `${maths.signer?.name || '(no name)'} (${file})` };
    return given.has(fp) ? { kind: 'given_fingerprint', matched: '' } : null;
  });
  const unknownTo = dataDir
    ? 'this data folder does not know'
    : 'you have not named as trusted (--data-dir, --trust-fingerprint, --trusted-certs)';
  process.stdout.write(formatVerifyResult(file, result, unknownTo));
  if (folder && dataDir) process.stdout.write(formatIssued(folder.issued, dataDir));
  if (result.status === 'invalid') throw new UserError('the signature is NOT valid', VERIFY_EXIT.invalid);
  if (result.status === 'unsigned') throw new UserError('the document is not signed', VERIFY_EXIT.unsigned);
  if (!isTrustedValid(result)) {
    throw new UserError('the document is intact, but the signer is not known', VERIFY_EXIT.unknownSigner);
  }
}
