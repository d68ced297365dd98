import { setTimeout as delay } from 'node:timers/promises';
import type { Backend } from '#core/backend';
import type { ExportJob } from '#shared/domain/report';
import { value } from './backend';

/**
 * Waits for an export job to leave 'running' by polling `exports.status`, as
 * the UI does: the backend has no other completion event to wait on. Bounded
 * (about two minutes), so a hung worker fails the test instead of the run.
 */
export async function finishExport(backend: Backend, job: ExportJob): Promise<ExportJob> {
  let current = job;
  for (let i = 0; current.state === 'running' && i < 2400; i++) {
    await delay(50);
    current = value(await backend.call('exports.status', { jobId: current.id }));
  }
  return current;
}
