import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Backend } from '#core/backend';
import { value } from '../../helpers/backend';

type Job = { id: string; state: string; error: { code: string; message: string } | null };

/** Polls a backup job until it ends (the job API is what the UI uses). */
export async function finished(backend: Backend, job: Job) {
  let current = job;
  while (current.state === 'running') {
    await new Promise((r) => setTimeout(r, 20));
    current = value(await backend.call('backups.status', { jobId: job.id }));
  }
  return value(await backend.call('backups.status', { jobId: job.id }));
}

/** Every file under `dir` (relative path → SHA-256), skipping the names `skip` matches. */
export function filesOf(dir: string, skip: RegExp = /^$/): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const rel = relative(dir, path);
      if (skip.test(rel)) continue;
      if (statSync(path).isDirectory()) walk(path);
      else out[rel] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
