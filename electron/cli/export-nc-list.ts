import { randomBytes } from 'node:crypto';
import { rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { AUDIT_TYPE_LABELS } from '#shared/domain/audit';
import { ncListRows, NC_LIST_COLUMNS, toCsv, toXlsx } from '#core/export/nc-list';
import { UserError } from './errors';
import { must, openForCli, resolveDataDir } from './open';

export interface ExportNcListOptions {
  dataDir?: string;
  audit: string;
  format: string;
  out: string;
}

const FORMATS = ['csv', 'xlsx'] as const;

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false; // absent or unreachable: writing it reports why
  }
};

/** Writes the file whole or not at all: a temporary file beside it, renamed into place. */
function writeAtomically(out: string, data: string | Buffer): void {
  const tmp = join(dirname(out), `.${basename(out)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, data, { flag: 'wx' });
    renameSync(tmp, out);
  } catch (e) {
    try {
      rmSync(tmp, { force: true });
    } catch {
      // nothing was created where the folder is missing
    }
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'its folder does not exist'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : `the system said ${code ?? 'no'}`;
    throw new UserError(`Cannot write ${out}: ${why}. Nothing was written.`);
  }
}

/**
 * `fieldwork export-nc-list`: the audit's issued findings as CSV or XLSX, one
 * row per finding, for the certification body's systems or the client.
 */
export async function exportNcListCommand(opts: ExportNcListOptions): Promise<void> {
  const format = opts.format.toLowerCase();
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UserError(`Unknown format "${opts.format}": use csv or xlsx. Nothing was written.`, 2);
  }
  const out = resolve(opts.out);
  if (isFolder(out)) {
    throw new UserError(`Cannot write ${out}: it is a folder. Nothing was written.`);
  }
  const backend = openForCli(resolveDataDir(opts.dataDir));
  try {
    const audit = await backend.call('audits.get', { id: opts.audit });
    if (!audit.ok) throw new UserError(`${audit.error.message} Nothing was written.`);
    const findings = must(await backend.call('findings.list', { auditId: opts.audit }));
    const rows = ncListRows(findings);
    const table = [[...NC_LIST_COLUMNS], ...rows];
    const sheet = `${AUDIT_TYPE_LABELS[audit.value.type]} ${audit.value.startDate}`;
    writeAtomically(out, format === 'csv' ? toCsv(table) : await toXlsx(rows, sheet));
    process.stdout.write(`Wrote ${rows.length} finding${rows.length === 1 ? '' : 's'} to ${out}.\n`);
  } finally {
    backend.close();
  }
}
