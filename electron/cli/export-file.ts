import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Backend } from '#core/backend';
import type { ExportJob, ExportStartInput } from '#shared/domain/report';
import { UserError } from './errors';
import { cliLanguage, localMessage } from './lang';
import { must } from './open';

const CHUNK = 4 * 1024 * 1024;
const POLL_MS = 100;

export interface SignOptions {
  sign?: boolean;
  passphraseFile?: string;
  identity?: string;
  by?: string;
  acceptExpired?: boolean;
}

const why = (code: string | undefined) =>
  code === 'ENOENT' || code === 'ENOTDIR'
    ? 'its folder does not exist'
    : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'it is a folder'
        : `the system said ${code ?? 'no'}`;

/**
 * The destination, claimed before any work: a temporary file beside it. An
 * unwritable folder is reported at once; the file appears only when complete.
 */
export async function claimDestination(out: string): Promise<{ out: string; tmp: string; handle: FileHandle }> {
  const path = resolve(out);
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    // absent: the usual case
  }
  if (isDir) throw new UserError(`Cannot write ${path}: it is a folder. Nothing was written.`);
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    return { out: path, tmp, handle: await open(tmp, 'wx', 0o600) };
  } catch (e) {
    throw new UserError(`Cannot write ${path}: ${why((e as NodeJS.ErrnoException).code)}. Nothing was written.`);
  }
}

/** The passphrase is the file's first line (a trailing newline is not part of it). */
export function readPassphrase(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UserError(`Cannot read the passphrase file ${file}: ${why((e as NodeJS.ErrnoException).code)}.`);
  }
  const line = text.split(/\r?\n/)[0] ?? '';
  if (line === '') throw new UserError(`The passphrase file ${file} is empty.`);
  return line;
}

/** The `issue` part of exports.start: the lead auditor's identity (or --identity) unlocked by the passphrase file. */
export async function issueRequest(
  backend: Backend,
  auditId: string,
  o: SignOptions,
): Promise<ExportStartInput['issue']> {
  if (!o.sign) return undefined;
  if (!o.passphraseFile) throw new UserError('--sign needs --passphrase-file with the signing key passphrase.', 2);
  const passphrase = readPassphrase(o.passphraseFile);
  const audit = must(await backend.call('audits.get', { id: auditId }));
  const lead = audit.team.find((m) => m.role === 'lead_auditor');
  const identities = must(await backend.call('signing.list', {}));
  const identity = o.identity
    ? identities.find((i) => i.id === o.identity)
    : identities.find((i) => i.name.trim().toLowerCase() === lead?.name.trim().toLowerCase());
  if (!identity) {
    throw new UserError(
      o.identity
        ? `No signing identity has the id ${o.identity}.`
        : `${lead?.name ?? 'The lead auditor'} has no signing identity here: create one in the app (Settings → Signing identities).`,
    );
  }
  return {
    identityId: identity.id,
    unlock: { kind: 'passphrase', passphrase },
    acceptExpired: o.acceptExpired ?? false,
    by: o.by ?? identity.name,
  };
}

/**
 * Runs an export job and writes its file to `out` whole or not at all. Ctrl+C
 * cancels the job and removes the temporary file.
 */
export async function exportToFile(
  backend: Backend,
  input: ExportStartInput,
  out: string,
  progress: boolean,
): Promise<ExportJob> {
  const dest = await claimDestination(out);
  let job: ExportJob | null = null;
  let interrupted = false;
  const onSigint = () => {
    interrupted = true;
  };
  process.on('SIGINT', onSigint);
  try {
    const started = await backend.call('exports.start', input);
    if (!started.ok) {
      const gated = started.error.issues?.some((i) => i.path.at(-1) === 'overrideReason') ?? false;
      const hint =
        started.error.code === 'certificate_expired'
          ? ' Run again with --accept-expired to sign anyway.'
          : gated
            ? ' Run again with --override-reason "…" to issue anyway: the reason is kept in the audit trail and printed in the report.'
            : '';
      throw new UserError(`${localMessage(started.error, cliLanguage(input.language))}${hint} Nothing was written.`);
    }
    job = started.value;
    let last = '';
    while (job.state === 'running') {
      if (interrupted) {
        await backend.call('exports.cancel', { jobId: job.id });
        throw new UserError('Cancelled. Nothing was written.', 130);
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
      job = must(await backend.call('exports.status', { jobId: job.id }));
      const line = `${Math.round(job.progress * 100)}% ${job.stage}`;
      if (progress && line !== last) process.stderr.write(`${line}\n`);
      last = line;
    }
    if (job.state !== 'done') throw new UserError(`${job.error?.message ?? 'The export failed.'} Nothing was written.`);
    for (let offset = 0; ;) {
      const part = must(await backend.call('exports.read', { jobId: job.id, offset, length: CHUNK }));
      const bytes = Buffer.from(part.dataBase64, 'base64');
      await dest.handle.write(bytes);
      offset += bytes.length;
      if (part.eof) break;
    }
    await dest.handle.sync();
    await dest.handle.close();
    await rename(dest.tmp, dest.out);
    return job;
  } catch (e) {
    await dest.handle.close().catch(() => undefined);
    await rm(dest.tmp, { force: true });
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(`Cannot write ${dest.out}: ${why(code)}. Nothing was written.`);
  } finally {
    process.off('SIGINT', onSigint);
  }
}

export function describeJob(job: ExportJob, out: string): string {
  const lines = [
    `Wrote ${resolve(out)} (${Math.max(1, Math.round((job.size ?? 0) / 1024))} KB, SHA-256 ${job.sha256}).`,
  ];
  if (job.issueId) lines.push(`Issued and signed (issue ${job.issueId}); check it with: fieldwork verify "${out}"`);
  for (const w of job.warnings) lines.push(`Warning: ${w}`);
  return `${lines.join('\n')}\n`;
}
