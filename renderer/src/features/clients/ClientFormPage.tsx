import { useState } from 'react';
import { useWriteOp, useOp } from '../../api/ops';
import { newRecordId } from '../../lib/drafts';
import { navigate } from '../../lib/router';
import { LoadError, PageLoader } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/notify';
import { ClientForm } from './ClientForm';
import { isMissingClient, MissingClient } from './MissingClient';
import { clientToValues, emptyClientValues } from './clientFormValues';

export function ClientCreatePage() {
  const create = useWriteOp('clients.create');
  const [initialValues] = useState(emptyClientValues);
  return (
    <>
      <PageHeader
        title="Add client"
        back={{ to: '/clients', label: 'Clients' }}
        description="The organisation seeking certification, its sites and the people you deal with."
      />
      <ClientForm
        initialValues={initialValues}
        submitLabel="Create client"
        journalId={newRecordId('client')}
        cancelTo="/clients"
        onSubmit={create.mutate}
        onSaved={(client) => {
          notifySuccess(`${client.name} added`);
          navigate(`/clients/${client.id}`, { replace: true });
        }}
      />
    </>
  );
}

export function ClientEditPage({ id }: { id: string }) {
  const client = useOp('clients.get', { id });
  const update = useWriteOp('clients.update');

  if (client.error && !client.data) {
    if (isMissingClient(client.error)) return <MissingClient />;
    return <LoadError error={client.error} onRetry={client.reload} />;
  }
  if (!client.data) return <PageLoader />;
  return (
    <>
      <PageHeader title={`Edit ${client.data.name}`} back={{ to: `/clients/${id}`, label: 'Back to the client' }} />
      <ClientForm
        initialValues={clientToValues(client.data)}
        submitLabel="Save changes"
        journalId={id}
        cancelTo={`/clients/${id}`}
        issuePrefix="client"
        onSubmit={(input) => update.mutate({ id, client: input })}
        onSaved={(saved) => {
          notifySuccess(`${saved.name} saved`);
          navigate(`/clients/${id}`, { replace: true });
        }}
      />
    </>
  );
}
