import { useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('clients');
  const create = useWriteOp('clients.create');
  const [initialValues] = useState(emptyClientValues);
  return (
    <>
      <PageHeader
        title={t('formPage.addTitle')}
        back={{ to: '/clients', label: t('formPage.back') }}
        description={t('formPage.addDescription')}
      />
      <ClientForm
        initialValues={initialValues}
        submitLabel={t('formPage.create')}
        journalId={newRecordId('client')}
        cancelTo="/clients"
        onSubmit={create.mutate}
        onSaved={(client) => {
          notifySuccess(t('formPage.added', { name: client.name }));
          navigate(`/clients/${client.id}`, { replace: true });
        }}
      />
    </>
  );
}

export function ClientEditPage({ id }: { id: string }) {
  const { t } = useTranslation('clients');
  const client = useOp('clients.get', { id });
  const update = useWriteOp('clients.update');

  if (client.error && !client.data) {
    if (isMissingClient(client.error)) return <MissingClient />;
    return <LoadError error={client.error} onRetry={client.reload} />;
  }
  if (!client.data) return <PageLoader />;
  return (
    <>
      <PageHeader
        title={t('formPage.editTitle', { name: client.data.name })}
        back={{ to: `/clients/${id}`, label: t('formPage.backToClient') }}
      />
      <ClientForm
        initialValues={clientToValues(client.data)}
        submitLabel={t('formPage.save')}
        journalId={id}
        cancelTo={`/clients/${id}`}
        issuePrefix="client"
        onSubmit={(input) => update.mutate({ id, client: input })}
        onSaved={(saved) => {
          notifySuccess(t('formPage.saved', { name: saved.name }));
          navigate(`/clients/${id}`, { replace: true });
        }}
      />
    </>
  );
}
