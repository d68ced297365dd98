import { Anchor, Button, Group, Stack, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { AuditSummary } from '#shared/domain/audit';
import type { Client } from '#shared/domain/client';
import { href, navigate } from '../../lib/router';
import { formatDayRange } from '../../lib/format';
import { AuditStatusBadge } from '../../components/AuditStatusBadge';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { WindowedTable, type Column } from '../../components/windowed/WindowedTable';
import type { PagedState } from '../../api/paged';

export function SitesTable({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  if (client.sites.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('sections.noSites')}
      </Text>
    );
  return (
    <Table aria-label={t('sections.sitesLabel')} highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('sections.site')}</Table.Th>
          <Table.Th ta="right">{t('sections.headcount')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {client.sites.map((s) => (
          <Table.Tr key={s.id}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {s.name}
              </Text>
              {s.address && (
                <Text size="xs" c="dimmed">
                  {s.address}
                </Text>
              )}
              {s.processes && (
                <Text size="xs" mt={4}>
                  {s.processes}
                </Text>
              )}
            </Table.Td>
            <Table.Td ta="right" style={{ verticalAlign: 'top' }}>
              {t('sections.number', { value: s.headcount })}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function ContactsTable({ client }: { client: Client }) {
  const { t } = useTranslation('clients');
  if (client.contacts.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('sections.noContacts')}
      </Text>
    );
  return (
    <Stack gap="sm">
      {client.contacts.map((p) => (
        <div key={p.id}>
          <Text size="sm" fw={500}>
            {p.name}
            {p.role && (
              <Text span c="dimmed" size="sm">
                {' '}
                · {p.role}
              </Text>
            )}
          </Text>
          <Group gap="md">
            {p.email && (
              <Anchor href={`mailto:${p.email}`} size="xs">
                {p.email}
              </Anchor>
            )}
            {p.phone && (
              <Anchor href={`tel:${p.phone}`} size="xs">
                {p.phone}
              </Anchor>
            )}
          </Group>
        </div>
      ))}
    </Stack>
  );
}

const auditColumns = (t: TFunction<'clients'>): Column<AuditSummary>[] => [
  {
    header: t('sections.audit'),
    cell: (a) => (
      <Anchor href={href(`/audits/${a.id}`)} size="sm" onClick={(e) => e.stopPropagation()}>
        {t(`labels:auditType.${a.type}`)}
      </Anchor>
    ),
  },
  { header: t('sections.dates'), width: 210, cell: (a) => formatDayRange(a.startDate, a.endDate) },
  { header: t('sections.status'), width: 140, cell: (a) => <AuditStatusBadge status={a.status} size="sm" /> },
];

/** The client's audits, newest first: paged and filtered to this client in SQL, only the rows in view rendered. */
export function AuditsTable({ audits, clientId }: { audits: PagedState<AuditSummary>; clientId: string }) {
  const { t } = useTranslation('clients');
  if (audits.error && !audits.rows) return <LoadError error={audits.error} onRetry={audits.reload} />;
  if (!audits.rows) return <TableSkeleton rows={2} />;
  if (audits.rows.length === 0) {
    return (
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {t('sections.noAudits')}
        </Text>
        <Button component="a" size="xs" variant="light" href={href(`/audits/new?client=${clientId}`)}>
          {t('sections.planFirst')}
        </Button>
      </Group>
    );
  }
  return (
    <WindowedTable
      label={t('sections.auditsLabel')}
      rows={audits.rows}
      total={audits.total}
      rowKey={(a) => a.id}
      columns={auditColumns(t)}
      onOpen={(a) => navigate(`/audits/${a.id}`)}
      onNearEnd={audits.loadMore}
      maxHeight="420px"
      minWidth={420}
    />
  );
}
