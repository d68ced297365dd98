import { Anchor, Button, Card, Table, Text } from '@mantine/core';
import { IconBuilding, IconPlus } from '@tabler/icons-react';
import type { ClientSummary } from '#shared/domain/client';
import { useOp } from '../../api/ops';
import { href, navigate } from '../../lib/router';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { formatTimestamp, plural } from '../../lib/format';

export function ClientList() {
  const clients = useOp('clients.list', {});
  const empty = clients.data?.length === 0;
  return (
    <>
      <PageHeader
        title="Clients"
        description="Organisations you audit, with their sites and contacts."
        actions={
          !empty && (
            <Button component="a" href={href('/clients/new')} leftSection={<IconPlus size={16} />}>
              Add client
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
            title="No clients yet"
            description="Add the organisation you audit, with its sites and contacts. Then you can plan its audits."
            icon={<IconBuilding />}
            variant="light"
            actions={
              <Button component="a" href={href('/clients/new')} leftSection={<IconPlus size={16} />}>
                Add client
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
  return (
    <Card p={0}>
      <Table.ScrollContainer minWidth={560}>
        <Table aria-label="Clients">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th ta="right">Sites</Table.Th>
              <Table.Th ta="right">Audits</Table.Th>
              <Table.Th>Last changed</Table.Th>
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
        {plural(clients.length, 'client')}
      </Text>
    </Card>
  );
}
