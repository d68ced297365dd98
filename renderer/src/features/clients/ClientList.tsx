import { Anchor, Button, Card, Table, Text } from '@mantine/core';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ClientSummary } from '#shared/domain/client';
import { useOp } from '../../api/ops';
import { href, navigate } from '../../lib/router';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { formatTimestamp } from '../../lib/format';

export function ClientList() {
  const clients = useOp('clients.list', {});
  const empty = clients.data?.length === 0;
  const { t } = useTranslation('clients');
  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          !empty && (
            <Button component="a" href={href('/clients/new')} leftSection={<IconPlus size={16} />}>
              {t('list.add')}
            </Button>
          )
        }
      />
      {clients.error && !clients.data ? (
        <LoadError error={clients.error} onRetry={clients.reload} />
      ) : !clients.data ? (
        <TableSkeleton />
      ) : empty ? (
        <Card py={48}>
          <Empty
            title={t('list.empty')}
            description={t('list.emptyHint')}
            icon={<IconBuilding />}
            variant="light"
            actions={
              <Button component="a" href={href('/clients/new')} leftSection={<IconPlus size={16} />}>
                {t('list.add')}
              </Button>
            }
          />
        </Card>
      ) : (
        <ClientTable clients={clients.data} />
      )}
    </>
  );
}

function ClientTable({ clients }: { clients: ClientSummary[] }) {
  const { t } = useTranslation('clients');
  return (
    <Card p={0}>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label={t('list.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.name')}</Table.Th>
              <Table.Th ta="right">{t('list.sites')}</Table.Th>
              <Table.Th ta="right">{t('list.audits')}</Table.Th>
              <Table.Th>{t('list.lastChanged')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {clients.map((c) => (
              <Table.Tr key={c.id} onClick={() => navigate(`/clients/${c.id}`)} style={{ cursor: 'pointer' }}>
                <Table.Td>
                  <Anchor href={href(`/clients/${c.id}`)} fw={500} onClick={(e) => e.stopPropagation()}>
                    {c.name}
                  </Anchor>
                </Table.Td>
                <Table.Td ta="right">{c.siteCount}</Table.Td>
                <Table.Td ta="right">{c.auditCount}</Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {formatTimestamp(c.updatedAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text size="xs" c="dimmed" px="md" py="xs">
        {t('list.count', { count: clients.length })}
      </Text>
    </Card>
  );
}
