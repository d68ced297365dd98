import { Button, Grid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useWriteOp, useOp } from '../../api/ops';
import { usePagedOp } from '../../api/paged';
import { href, navigate } from '../../lib/router';
import { Block } from '../../components/Block';
import { Facts } from '../../components/Facts';
import { LoadError, PageLoader } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../lib/notify';
import { AuditsTable, ContactsTable, SitesTable } from './ClientSections';
import { clientAuditsInput } from './clientAuditsQuery';
import { isMissingClient, MissingClient } from './MissingClient';

/** `programme`: the programme feature's certification-cycle section for this client, placed by the route. */
export function ClientDetail({ id, programme }: { id: string; programme: ReactNode }) {
  const client = useOp('clients.get', { id });
  const audits = usePagedOp('audits.page', clientAuditsInput(id));
  const remove = useWriteOp('clients.delete');
  const { t } = useTranslation('clients');

  if (client.error && !client.data) {
    if (isMissingClient(client.error)) return <MissingClient />;
    return <LoadError error={client.error} onRetry={client.reload} />;
  }
  if (!client.data) return <PageLoader />;
  const c = client.data;

  const deleteClient = async () => {
    const result = await remove.mutate({ id });
    if (!result.ok) return notifyError(result.error, t('detail.notDeleted', { name: c.name }));
    notifySuccess(t('detail.deleted', { name: c.name }));
    navigate('/clients', { replace: true });
  };
  const requestDelete = () =>
    modals.openConfirmModal({
      title: t('detail.deleteTitle', { name: c.name }),
      children: (
        <Text size="sm">
          <Trans
            t={t}
            i18nKey="detail.deleteBody"
            values={{
              name: c.name,
              sites: t('detail.sites', { count: c.sites.length }),
              contacts: t('detail.contacts', { count: c.contacts.length }),
            }}
            components={{ b: <b /> }}
          />
        </Text>
      ),
      labels: { confirm: t('detail.deleteConfirm'), cancel: t('common:cancel') },
      confirmProps: { color: 'red' },
      onConfirm: () => void deleteClient(),
    });

  return (
    <>
      <PageHeader
        title={c.name}
        back={{ to: '/clients', label: t('detail.back') }}
        description={`${t('detail.sites', { count: c.sites.length })} · ${t('detail.audits', { count: audits.total })}`}
        actions={
          <>
            <Button component="a" href={href(`/audits/new?client=${id}`)} leftSection={<IconPlus size={16} />}>
              {t('detail.planAudit')}
            </Button>
            <Button
              component="a"
              href={href(`/clients/${id}/edit`)}
              variant="default"
              leftSection={<IconPencil size={16} />}
            >
              {t('detail.edit')}
            </Button>
            <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={requestDelete}>
              {t('detail.delete')}
            </Button>
          </>
        }
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Block title={t('detail.organisation')}>
              <Facts
                items={[
                  [
                    t('detail.address'),
                    c.address && (
                      <Text key="a" size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                        {c.address}
                      </Text>
                    ),
                  ],
                  [
                    t('detail.representative'),
                    c.representative && (
                      <Text key="r" size="sm">
                        {c.representative}
                      </Text>
                    ),
                  ],
                ]}
              />
            </Block>
            <Block title={t('detail.contactsBlock', { count: c.contacts.length })}>
              <ContactsTable client={c} />
            </Block>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Block title={t('detail.sitesBlock', { count: c.sites.length })}>
              <SitesTable client={c} />
            </Block>
            <Block title={t('detail.auditsBlock')}>
              <AuditsTable audits={audits} clientId={id} />
            </Block>
            <Block title={t('detail.programme')}>{programme}</Block>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
