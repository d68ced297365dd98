import { Button, Grid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useWriteOp, useOp } from '../../api/ops';
import { usePagedOp } from '../../api/paged';
import { href, navigate } from '../../lib/router';
import { Block } from '../../components/Block';
import { Facts } from '../../components/Facts';
import { LoadError, PageLoader } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { plural } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { AuditsTable, ContactsTable, SitesTable } from './ClientSections';
import { clientAuditsInput } from './clientAuditsQuery';
import { isMissingClient, MissingClient } from './MissingClient';

/** `programme`: the programme feature's certification-cycle section for this client, placed by the route. */
export function ClientDetail({ id, programme }: { id: string; programme: ReactNode }) {
  const client = useOp('clients.get', { id });
  const audits = usePagedOp('audits.page', clientAuditsInput(id));
  const remove = useWriteOp('clients.delete');

  if (client.error && !client.data) {
    if (isMissingClient(client.error)) return <MissingClient />;
    return <LoadError error={client.error} onRetry={client.reload} />;
  }
  if (!client.data) return <PageLoader />;
  const c = client.data;

  const deleteClient = async () => {
    const result = await remove.mutate({ id });
    if (!result.ok) return notifyError(result.error, `${c.name} was not deleted`);
    notifySuccess(`${c.name} deleted`);
    navigate('/clients', { replace: true });
  };
  const requestDelete = () =>
    modals.openConfirmModal({
      title: `Delete ${c.name}?`,
      children: (
        <Text size="sm">
          <b>{c.name}</b> will be deleted with its {plural(c.sites.length, 'site')} and{' '}
          {plural(c.contacts.length, 'contact')}. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Delete client', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => void deleteClient(),
    });

  return (
    <>
      <PageHeader
        title={c.name}
        back={{ to: '/clients', label: 'Clients' }}
        description={`${plural(c.sites.length, 'site')} · ${plural(audits.total, 'audit')}`}
        actions={
          <>
            <Button component="a" href={href(`/audits/new?client=${id}`)} leftSection={<IconPlus size={16} />}>
              Plan audit
            </Button>
            <Button
              component="a"
              href={href(`/clients/${id}/edit`)}
              variant="default"
              leftSection={<IconPencil size={16} />}
            >
              Edit
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={requestDelete}>
              Delete
            </Button>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Block title="Organisation">
              <Facts
                items={[
                  [
                    'Address',
                    c.address && (
                      <Text key="a" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {c.address}
                      </Text>
                    ),
                  ],
                  [
                    'Representative',
                    c.representative && (
                      <Text key="r" size="sm">
                        {c.representative}
                      </Text>
                    ),
                  ],
                ]}
              />
            </Block>
            <Block title={`Contacts (${c.contacts.length})`}>
              <ContactsTable client={c} />
            </Block>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Block title={`Sites (${c.sites.length})`}>
              <SitesTable client={c} />
            </Block>
            <Block title="Audits">
              <AuditsTable audits={audits} clientId={id} />
            </Block>
            <Block title="Certification programme">{programme}</Block>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
