import { createHash } from 'node:crypto';
import { open, link, rename, rm, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Backend } from '#core/backend';
import type { ImportPreview, MergeSummary, TeamExportResult } from '#shared/domain/team';
import { normalizeFingerprint } from '#shared/domain/trust';
import { UserError } from './errors';
import { PACKAGE_EXIT } from './help';
import { claimDestination, readPassphrase } from './export-file';
import { must, openExistingForCli, resolveDataDir } from './open';

const CHUNK = 4 * 1024 * 1024;

export interface PackageExportOptions {
  audit: string;
  out: string;
  for?: string;
  full?: boolean;
  /** commander's --no-evidence */
  evidence?: boolean;
  /** --sign [identity]: packages are always signed; a value names the identity. */
  sign?: boolean | string;
  identity?: string;
  passphraseFile?: string;
  acceptExpired?: boolean;
  by?: string;
  force?: boolean;
  dataDir?: string;
}

export interface PackageImportOptions {
  dryRun?: boolean;
  json?: boolean;
  acceptUnknownSigner?: string;
  by?: string;
  dataDir?: string;
}

const why = (code: string | undefined) =>
  code === 'ENOENT' || code === 'ENOTDIR'
    ? 'there is no such file'
    : code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'it is a folder'
        : `the system said ${code ?? 'no'}`;

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en')} KB`;
const n = (x: number) => x.toLocaleString('en');
const plural = (x: number, one: string, many = `${one}s`) => `${n(x)} ${x === 1 ? one : many}`;

/** --identity (or --sign's value) as an id or a name; else the folder's only identity. */
async function chooseIdentity(backend: Backend, asked: string | undefined): Promise<{ id: string; name: string }> {
  const identities = must(await backend.call('signing.list', {}));
  if (asked !== undefined) {
    const byId = identities.find((i) => i.id === asked);
    if (byId) return byId;
    const byName = identities.filter((i) => i.name.trim().toLowerCase() === asked.trim().toLowerCase());
    if (byName.length === 1) return byName[0]!;
    if (byName.length > 1) {
      throw new UserError(
        `Several signing identities are named ${asked}; give one id with --identity: ${byName.map((i) => i.id).join(', ')}.`,
        PACKAGE_EXIT.usage,
      );
    }
    throw new UserError(`No signing identity has the id or name ${asked}.`, PACKAGE_EXIT.usage);
  }
  if (identities.length === 1) return identities[0]!;
  if (identities.length === 0) {
    throw new UserError(
      'Packages are signed, and this data folder has no signing identity: create one in the app (Settings → Signing identities).',
    );
  }
  throw new UserError(
    `This data folder has ${identities.length} signing identities; choose one with --identity: ${identities
      .map((i) => `${i.id} (${i.name})`)
      .join(', ')}.`,
    PACKAGE_EXIT.usage,
  );
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * `fieldwork package export`: team.export through dispatch (the same checks as
 * the Team tab), then the package read back with team.read into a temp file
 * beside --out, its SHA-256 checked, fsynced and moved into place — linked
 * without --force, so a file that appeared meanwhile is still not replaced.
 */
export async function packageExportCommand(o: PackageExportOptions): Promise<void> {
  const passphraseFile = o.passphraseFile ?? (process.env.FIELDWORK_PASSPHRASE_FILE || undefined);
  if (!passphraseFile) {
    throw new UserError(
      'Packages are always signed: give --passphrase-file with the signing key passphrase (or set FIELDWORK_PASSPHRASE_FILE).',
      PACKAGE_EXIT.usage,
    );
  }
  if (typeof o.sign === 'string' && o.identity !== undefined && o.sign !== o.identity) {
    throw new UserError('--sign and --identity name different identities; give one.', PACKAGE_EXIT.usage);
  }
  const out = resolve(o.out);
  if (!o.force && (await exists(out))) {
    throw new UserError(`${out} exists; nothing was written. Run again with --force to replace it.`);
  }
  const passphrase = readPassphrase(passphraseFile);
  const backend = openExistingForCli(resolveDataDir(o.dataDir), PACKAGE_EXIT.usage);
  try {
    const identity = await chooseIdentity(backend, typeof o.sign === 'string' ? o.sign : o.identity);
    const dest = await claimDestination(out);
    try {
      const made = await backend.call('team.export', {
        auditId: o.audit,
        for: o.for ?? '',
        full: o.full ?? false,
        includeEvidence: o.evidence ?? true,
        identityId: identity.id,
        unlock: { kind: 'passphrase', passphrase },
        acceptExpired: o.acceptExpired ?? false,
        by: o.by ?? identity.name,
      });
      if (!made.ok) {
        const hint =
          made.error.code === 'certificate_expired' ? ' Run again with --accept-expired to sign anyway.' : '';
        throw new UserError(`${made.error.message}${hint} Nothing was written.`);
      }
      const pkg = made.value;
      const hash = createHash('sha256');
      let offset = 0;
      for (;;) {
        const part = must(await backend.call('team.read', { fileId: pkg.fileId, offset, length: CHUNK }));
        const bytes = Buffer.from(part.dataBase64, 'base64');
        hash.update(bytes);
        await dest.handle.write(bytes);
        offset += bytes.length;
        if (part.eof) break;
      }
      // What the backend says it wrote is what reached the file (and what the lead's provenance will name).
      if (offset !== pkg.size || hash.digest('hex') !== pkg.sha256) {
        throw new UserError('The package was not copied whole. Nothing was written; try again.');
      }
      await dest.handle.sync();
      await dest.handle.close();
      await place(dest.tmp, dest.out, o.force ?? false);
      process.stdout.write(describeExport(pkg, dest.out, identity.name));
    } catch (e) {
      if (e instanceof UserError) throw e;
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') {
        throw new UserError(`${dest.out} exists; nothing was written. Run again with --force to replace it.`);
      }
      throw new UserError(`Cannot write ${dest.out}: ${why(code)}. Nothing was written.`);
    } finally {
      await dest.handle.close().catch(() => undefined);
      await rm(dest.tmp, { force: true });
    }
  } finally {
    backend.close();
  }
}

/** File systems without hard links: FAT and exFAT USB sticks, where packages often go. */
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK']);

/**
 * Moves the finished temp file to `out`. Without `force` it is linked, which
 * fails if a file of that name appeared meanwhile (the temp name is removed
 * after); where links are not supported, the name is checked once more
 * and the file renamed.
 */
async function place(tmp: string, out: string, force: boolean): Promise<void> {
  if (force) return rename(tmp, out);
  try {
    await link(tmp, out);
  } catch (e) {
    if (!NO_LINKS.has((e as NodeJS.ErrnoException).code ?? '')) throw e;
    if (await exists(out)) throw Object.assign(new Error('exists'), { code: 'EEXIST' });
    await rename(tmp, out);
  }
}

function describeExport(pkg: TeamExportResult, out: string, signer: string): string {
  const what = pkg.kind === 'send' ? 'Send-out package' : 'Return package';
  return (
    [
      `Wrote ${out} (${kb(pkg.size)}, SHA-256 ${pkg.sha256}).`,
      `${what} ${pkg.packageId}, signed by ${signer}: ${plural(pkg.changes, 'change')}, ` +
        `${plural(pkg.tombstones, 'deletion')}, ${plural(pkg.evidenceFiles, 'evidence file')}.`,
    ].join('\n') + '\n'
  );
}

/** Sends the file to the backend in ordered chunks (as the Team tab does), without holding it whole. */
async function upload(backend: Backend, file: string, size: number): Promise<string> {
  const begun = must(await backend.call('team.uploadBegin', { name: basename(file).slice(0, 255) || 'package', size }));
  const chunk = Math.min(CHUNK, begun.chunkBytes > 0 ? begun.chunkBytes : CHUNK);
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(chunk);
    for (let offset = 0; offset < size;) {
      const { bytesRead } = await handle.read(buffer, 0, Math.min(chunk, size - offset), offset);
      if (bytesRead === 0) throw new UserError(`${file} became shorter while it was read. Nothing was changed.`);
      const sent = await backend.call('team.uploadChunk', {
        uploadId: begun.uploadId,
        offset,
        dataBase64: buffer.subarray(0, bytesRead).toString('base64'),
      });
      if (!sent.ok) {
        await backend.call('team.uploadAbort', { uploadId: begun.uploadId });
        throw new UserError(sent.error.message);
      }
      offset += bytesRead;
    }
  } finally {
    await handle.close();
  }
  return begun.uploadId;
}

/**
 * `fieldwork package import FILE`, through dispatch: upload, then team.import
 * (it checks the package, the audit, the lead and the signer, and merges in one
 * transaction), or team.preview for --dry-run. The preview does the whole merge
 * and rolls it back, so a real import skips it and asks for it only to name an
 * unknown signer's fingerprint.
 */
export async function packageImportCommand(file: string, o: PackageImportOptions): Promise<void> {
  let accept: string | undefined;
  if (o.acceptUnknownSigner !== undefined) {
    accept = normalizeFingerprint(o.acceptUnknownSigner) ?? undefined;
    if (!accept) {
      throw new UserError(
        `--accept-unknown-signer needs the certificate's SHA-256 fingerprint (64 hex digits, colons optional), not "${o.acceptUnknownSigner}".`,
        PACKAGE_EXIT.usage,
      );
    }
  }
  const path = resolve(file);
  let size: number;
  try {
    const st = await stat(path);
    if (st.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw new UserError(`Cannot read ${path}: ${why((e as NodeJS.ErrnoException).code)}.`, PACKAGE_EXIT.usage);
  }
  if (size === 0) throw new UserError(`${path} is empty: it is not a Fieldwork package. Nothing was changed.`);

  const backend = openExistingForCli(resolveDataDir(o.dataDir), PACKAGE_EXIT.usage);
  try {
    const uploadId = await upload(backend, path, size);
    const abort = () => backend.call('team.uploadAbort', { uploadId });
    if (o.dryRun) {
      const preview = await previewOf(backend, uploadId);
      await abort();
      process.stdout.write(o.json ? countsJson(preview.summary) : describePreview(preview));
      const trustProblem = unknownSigner(preview, accept);
      if (trustProblem) throw new UserError(trustProblem, PACKAGE_EXIT.unknownSigner);
      return;
    }
    const imported = await backend.call('team.import', {
      uploadId,
      ...(accept ? { acceptFingerprint: accept } : {}),
      ...(o.by !== undefined ? { by: o.by } : {}),
    });
    if (!imported.ok) {
      if ((imported.error.code as string) === 'unknown_signer') {
        const preview = await previewOf(backend, uploadId).catch(() => null);
        await abort();
        const trustProblem = preview ? unknownSigner(preview, accept) : null;
        throw new UserError(trustProblem ?? nothingChanged(imported.error.message), PACKAGE_EXIT.unknownSigner);
      }
      await abort();
      throw new UserError(nothingChanged(imported.error.message), PACKAGE_EXIT.refused);
    }
    process.stdout.write(o.json ? countsJson(imported.value) : describeImport(path, imported.value));
  } finally {
    backend.close();
  }
}

const nothingChanged = (message: string) =>
  /nothing was (changed|imported)/i.test(message) ? message : `${message} Nothing was changed.`;

async function previewOf(backend: Backend, uploadId: string): Promise<ImportPreview> {
  const previewed = await backend.call('team.preview', { uploadId });
  if (!previewed.ok) {
    await backend.call('team.uploadAbort', { uploadId });
    throw new UserError(nothingChanged(previewed.error.message));
  }
  return previewed.value;
}

/** Why the signer is not accepted, or null when it is known or its fingerprint was confirmed. */
function unknownSigner(p: ImportPreview, accept: string | undefined): string | null {
  if (p.signer.known || accept === p.signer.fingerprint) return null;
  const who = p.signer.name || 'its signer';
  if (accept) {
    return (
      `The package is signed by ${who} with the certificate ${p.signer.fingerprint}, ` +
      `not the ${accept} you accepted. Nothing was changed.`
    );
  }
  return (
    `The package is signed by ${who} with a certificate not known here, SHA-256 ${p.signer.fingerprint}. ` +
    `Compare this fingerprint with ${who} (by phone); if it matches, run again with ` +
    `--accept-unknown-signer ${p.signer.fingerprint}. Nothing was changed.`
  );
}

const countsJson = (s: MergeSummary) =>
  `${JSON.stringify({ added: s.added, changed: s.changed, conflicts: s.conflicts, alreadyImported: s.alreadyImported })}\n`;

function byKind(s: MergeSummary): string[] {
  const rows = s.byKind.filter((k) => k.added + k.changed + k.conflicts > 0);
  if (rows.length === 0) return [];
  const width = Math.max(...rows.map((k) => k.kind.length), 4);
  return [
    `  ${'Kind'.padEnd(width)}  ${'added'.padStart(7)}  ${'changed'.padStart(7)}  ${'conflicts'.padStart(9)}`,
    ...rows.map(
      (k) =>
        `  ${k.kind.padEnd(width)}  ${n(k.added).padStart(7)}  ${n(k.changed).padStart(7)}  ${n(k.conflicts).padStart(9)}`,
    ),
  ];
}

function header(p: ImportPreview): string[] {
  const trust = p.signer.known ? 'known here' : 'NOT KNOWN here';
  return [
    `Package:  ${p.kind === 'send' ? 'send-out' : 'return'} ${p.packageId} for ${p.auditLabel}`,
    `From:     ${p.senderName || '(no name)'} (device ${p.senderDevice}), ${plural(p.evidenceFiles, 'evidence file')}`,
    `Signed:   ${p.signer.name || '(no name)'}, certificate SHA-256 ${p.signer.fingerprint} (${trust})`,
  ];
}

const totals = (s: MergeSummary) =>
  `${plural(s.added, 'record')} added, ${plural(s.changed, 'record')} changed, ${plural(s.conflicts, 'conflict')}`;

function describePreview(p: ImportPreview): string {
  const lines = [...header(p)];
  if (p.summary.alreadyImported)
    lines.push('Dry run:  this package was imported already; importing it changes nothing.');
  else lines.push(`Dry run:  would give ${totals(p.summary)}. Nothing was changed.`, ...byKind(p.summary));
  return `${lines.join('\n')}\n`;
}

function describeImport(file: string, s: MergeSummary): string {
  if (s.alreadyImported) return `${file} was imported before; nothing changed.\n`;
  const lines = [`Imported ${file}: ${totals(s)}.`, ...byKind(s)];
  if (s.conflicts > 0)
    lines.push('List them with: fieldwork conflicts --audit AUDIT_ID (fieldwork audits lists the ids).');
  return `${lines.join('\n')}\n`;
}
