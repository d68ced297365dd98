import { openBackend } from '#core/backend';
import { value } from '../helpers/backend';

/** The clients of the start-up benches' data folder, one audit each; every answer must name all three. */
export const CLIENTS = ['Northwind Ltd', 'Contoso GmbH', 'Fabrikam SA'];

/** A data folder with three audits, made through the API (cli-startup and serve-startup benches). */
export async function seedThreeAudits(dataDir: string): Promise<void> {
  const backend = openBackend({ dataDir, appVersion: 'bench' });
  try {
    for (const [i, name] of CLIENTS.entries()) {
      const client = value(
        await backend.call('clients.create', { name, address: '', representative: '', contacts: [], sites: [] }),
      );
      value(
        await backend.call('audits.create', {
          clientId: client.id,
          type: 'stage2',
          scope: 'The whole ISMS',
          startDate: `2026-0${i + 3}-02`,
          endDate: `2026-0${i + 3}-06`,
          team: [{ name: 'Lena Lead', role: 'lead_auditor' }],
        }),
      );
    }
  } finally {
    backend.close();
  }
}
