import { openBackend } from '#core/backend';
import { value } from './backend';

/**
 * A data folder holding one client ("Northwind Ltd") and one Stage 2 audit, written through the API and closed
 * again: for tests that then run the built CLI on it in another process. Returns the audit's id.
 */
export async function seedOneAudit(dataDir: string): Promise<string> {
  const backend = openBackend({ dataDir, appVersion: 'test' });
  try {
    const client = value(
      await backend.call('clients.create', {
        name: 'Northwind Ltd',
        address: '',
        representative: '',
        contacts: [],
        sites: [],
      }),
    );
    const audit = value(
      await backend.call('audits.create', {
        clientId: client.id,
        type: 'stage2',
        scope: 'The whole ISMS',
        startDate: '2026-03-02',
        endDate: '2026-03-06',
        team: [{ name: 'Lena Lead', role: 'lead_auditor' }],
      }),
    );
    return audit.id;
  } finally {
    backend.close();
  }
}
