import { AUDIT_STATUS_LABELS, AUDIT_TYPE_LABELS } from '#shared/domain/audit';
import { must, openExistingForCli, resolveDataDir } from './open';

/** Lists audits as a table, or as JSON for scripts. */
export async function listAuditsCommand(opts: { dataDir?: string; json?: boolean }): Promise<void> {
  const backend = openExistingForCli(resolveDataDir(opts.dataDir));
  try {
    const audits = must(await backend.call('audits.list', { sort: 'start_asc' }));
    if (opts.json) {
      process.stdout.write(`${JSON.stringify(audits, null, 2)}\n`);
      return;
    }
    if (audits.length === 0) {
      process.stdout.write('No audits yet. Create one in the app, or run `fieldwork demo --data-dir DIR`.\n');
      return;
    }
    const rows = audits.map((a) => [
      a.id,
      a.clientName,
      AUDIT_TYPE_LABELS[a.type],
      AUDIT_STATUS_LABELS[a.status],
      `${a.startDate} – ${a.endDate}`,
    ]);
    const header = ['ID', 'CLIENT', 'TYPE', 'STATUS', 'DATES'];
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: string[]) =>
      cells
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd();
    process.stdout.write(`${[line(header), ...rows.map(line)].join('\n')}\n`);
  } finally {
    backend.close();
  }
}
