import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Backend } from '#core/backend';
import { backupService } from '#core/backup/service';
import { value } from '../../helpers/backend';

type Job = { id: string; state: string; error: { code: string; message: string } | null };

/** Waits until the backup service is idle (the job has ended), then reads the job as the UI does: by its status op. */
export async function finished(backend: Backend, job: Job) {
  await backupService(backend.context).whenIdle();
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
