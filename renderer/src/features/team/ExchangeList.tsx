import { Card, Table, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TeamExchange } from '#shared/domain/team';
import { ShortHash } from '../../components/ShortHash';
import { formatBytes } from '../../lib/files';
import { formatTimestamp } from '../../lib/format';
import { shortId } from './labels';

const what = (x: TeamExchange, t: TFunction<'team'>): string => {
  if (x.direction === 'sent') return x.kind === 'send' ? t('exchange.sentOut') : t('exchange.returned');
  return x.kind === 'send' ? t('exchange.fromLead') : t('exchange.returnReceived');
};

const who = (x: TeamExchange, t: TFunction<'team'>): string => {
  if (x.direction === 'received') return x.peerName || x.signerName;
  if (x.peerName) return t('exchange.forPeer', { name: x.peerName });
  return x.kind === 'send' ? t('exchange.forTeam') : t('exchange.forLead');
};

/** Every package sent or received for the audit, newest first: the provenance the report lists. */
export function ExchangeList({ exchanges }: { exchanges: TeamExchange[] }) {
  const { t } = useTranslation('team');
  return (
    <Card p={0} withBorder>
      <Table.ScrollContainer minWidth={820}>
        <Table aria-label={t('tab.exchanged')} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('exchange.package')}</Table.Th>
              <Table.Th>{t('exchange.who')}</Table.Th>
              <Table.Th>{t('exchange.when')}</Table.Th>
              <Table.Th>{t('exchange.signedBy')}</Table.Th>
              <Table.Th>{t('exchange.sha256')}</Table.Th>
              <Table.Th>{t('exchange.records')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exchanges.map((x) => (
              <Table.Tr key={`${x.direction}-${x.packageId}`}>
                <Table.Td>
                  <Text size="sm" fw={500} c={x.direction === 'sent' ? 'blue.8' : 'grape.8'}>
                    {what(x, t)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatBytes(x.size)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {who(x, t)}
                  <Text size="xs" c="dimmed">
                    {t('exchange.folder', { folder: shortId(x.device) })}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatTimestamp(x.at)}</Table.Td>
                <Table.Td>{x.signerName}</Table.Td>
                <Table.Td>
                  <ShortHash value={x.sha256} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {x.direction === 'received' ? (
                    <Text size="sm">
                      {t('exchange.counts', { added: x.added, changed: x.changed, count: x.conflicts })}
                    </Text>
                  ) : (
                    <Text size="sm" c="dimmed">
                      —
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
