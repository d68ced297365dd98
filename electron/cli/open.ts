import { resolve } from 'node:path';
import { openBackend, type Backend } from '#core/backend';
import { defaultDataDir } from '#core/data-dir';
import { NewerDatabaseError } from '#core/db/migrations';
import { TemplateLoadError } from '#core/templates/builtin';
import { readFileSync } from 'node:fs';
import { UserError } from './errors';

export const appVersion = (): string => {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
};

export function resolveDataDir(flag: string | undefined): string {
  return resolve(flag ?? defaultDataDir());
}

/** Opens the backend, turning the failures a user can fix into one clear line. */
export function openForCli(dataDir: string): Backend {
  try {
    return openBackend({ dataDir, appVersion: appVersion() });
  } catch (e) {
    if (e instanceof NewerDatabaseError || e instanceof TemplateLoadError) throw new UserError(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`Cannot write to the data folder ${dataDir}.`);
    if (code === 'ENOTDIR' || code === 'EEXIST') throw new UserError(`${dataDir} is not a folder.`);
    if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
      throw new UserError(`The database in ${dataDir} is not a Fieldwork database or is damaged. Nothing was changed.`);
    }
    throw e;
  }
}

/** Unwraps an envelope for the CLI: an error becomes a UserError with the backend's message. */
export function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T {
  if (!r.ok) throw new UserError(r.error.message);
  return r.value;
}
