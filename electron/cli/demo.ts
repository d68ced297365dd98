import { seedDemoData } from '#core/backend';
import { UserError } from './errors';
import { must, openForCli, resolveDataDir } from './open';

/** Fills an empty data folder with demo data; refuses a folder that holds real work. */
export async function demoCommand(opts: { dataDir?: string }): Promise<void> {
  if (!opts.dataDir) throw new UserError('demo needs --data-dir DIR, so it never writes into your real data.', 2);
  const dataDir = resolveDataDir(opts.dataDir);
  const backend = openForCli(dataDir);
  try {
    if (must(await backend.call('clients.list', {})).length > 0) {
      throw new UserError(
        `${dataDir} already holds Fieldwork data; demo only fills an empty folder. Nothing was changed.`,
      );
    }
    const { auditIds, certified } = await seedDemoData(backend);
    const audits = auditIds.length + certified.auditIds.length;
    process.stdout.write(`Demo data written to ${dataDir}: 2 clients, ${audits} audits.\n`);
  } finally {
    backend.close();
  }
}
