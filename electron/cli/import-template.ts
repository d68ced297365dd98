import { readFileSync, statSync } from 'node:fs';
import { UserError } from './errors';
import { must, openForCli, resolveDataDir } from './open';

/** Far above any real template (the built-in Stage 2 one is a few hundred KB), far below memory trouble. */
export const TEMPLATE_MAX_BYTES = 10 * 1024 * 1024;

function readTemplateFile(file: string): unknown {
  let size: number;
  try {
    const st = statSync(file);
    if (!st.isFile()) throw new UserError(`${file} is not a file.`);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new UserError(
      code === 'ENOENT' ? `${file} does not exist.` : `Cannot read ${file} (${code ?? 'unknown error'}).`,
    );
  }
  if (size > TEMPLATE_MAX_BYTES) {
    throw new UserError(
      `${file} is larger than ${TEMPLATE_MAX_BYTES / 1024 / 1024} MB; a checklist template is far smaller.`,
    );
  }
  try {
    return JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UserError(`${file} is not valid JSON: ${e instanceof Error ? e.message : 'unreadable'}`);
  }
}

/** Imports a certification body's checklist template (validated by the backend, which names the field at fault). */
export async function importTemplateCommand(file: string, opts: { dataDir?: string }): Promise<void> {
  const template = readTemplateFile(file);
  const backend = openForCli(resolveDataDir(opts.dataDir));
  try {
    const t = must(await backend.call('templates.import', { template }));
    process.stdout.write(`Imported template ${t.title} (${t.id} ${t.version}), ${t.itemCount} items.\n`);
  } finally {
    backend.close();
  }
}
