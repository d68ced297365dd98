import { importEvidencePaths, type ImportProgress } from '#core/backend';
import { DomainError } from '#shared/api/result';
import { UserError } from './errors';
import { openForCli, resolveDataDir } from './open';

export interface ImportEvidenceOptions {
  dataDir?: string;
  audit: string;
  addedBy?: string;
  description?: string;
  /** One line per file on stderr, also when stderr is not a terminal (for scripts and tests). */
  progress?: boolean;
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function progressPrinter(everyFile: boolean): ((p: ImportProgress) => void) | undefined {
  if (everyFile) {
    return (p) => process.stderr.write(`${p.done}/${p.total} files, ${mb(p.bytesDone)} of ${mb(p.bytesTotal)}\n`);
  }
  if (!process.stderr.isTTY) return undefined;
  let last = 0;
  return (p) => {
    const now = Date.now();
    if (now - last < 200 && p.done < p.total) return;
    last = now;
    process.stderr.write(`\r${p.done}/${p.total} files, ${mb(p.bytesDone)} of ${mb(p.bytesTotal)}`);
    if (p.done === p.total) process.stderr.write('\n');
  };
}

/**
 * `fieldwork import-evidence`: files and folders from disk into an audit's
 * evidence library. Prints a summary on stdout and each file that could not be
 * imported on stderr; exits 1 if any failed, 130 if cancelled with Ctrl+C.
 */
export async function importEvidenceCommand(paths: string[], opts: ImportEvidenceOptions): Promise<void> {
  const backend = openForCli(resolveDataDir(opts.dataDir));
  const cancel = new AbortController();
  const onInterrupt = () => cancel.abort();
  process.once('SIGINT', onInterrupt);
  try {
    const result = await importEvidencePaths(backend, {
      auditId: opts.audit,
      paths,
      addedBy: opts.addedBy ?? '',
      description: opts.description ?? '',
      onProgress: progressPrinter(opts.progress === true),
      signal: cancel.signal,
    }).catch((e: unknown) => {
      if (e instanceof DomainError) throw new UserError(`${e.message} Nothing was imported.`);
      throw e;
    });

    const dup = result.duplicates > 0 ? `; ${plural(result.duplicates, 'file was', 'files were')} already there` : '';
    process.stdout.write(`Added ${plural(result.added, 'file')} to the audit's evidence${dup}.\n`);
    for (const f of result.failed) process.stderr.write(`  ${f.path}: ${f.reason}\n`);
    if (result.stopped) {
      const rest = result.notAttempted > 0 ? ` ${plural(result.notAttempted, 'file was', 'files were')} left out.` : '';
      throw new UserError(`Stopped early: ${result.stopped}${rest}`, cancel.signal.aborted ? 130 : 1);
    }
    if (result.failed.length > 0) {
      throw new UserError(`${plural(result.failed.length, 'item')} could not be imported (listed above).`);
    }
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    backend.close();
  }
}
