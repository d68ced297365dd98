import { Card, Table, Text } from '@mantine/core';
import type { TeamExchange } from '#shared/domain/team';
import { ShortHash } from '../../components/ShortHash';
import { formatBytes } from '../../lib/files';
import { formatTimestamp } from '../../lib/format';
import { shortId } from './labels';

const what = (x: TeamExchange): string => {
  if (x.direction === 'sent') return x.kind === 'send' ? 'Sent out' : 'Returned to the lead';
  return x.kind === 'send' ? 'Received from the lead' : 'Return received';
};

const who = (x: TeamExchange): string => {
  if (x.direction === 'received') return x.peerName || x.signerName;
  return x.peerName ? `For ${x.peerName}` : x.kind === 'send' ? 'For the whole team' : 'For the lead';
};

/** Every package sent or received for the audit, newest first: the provenance the report lists. */
export function ExchangeList({ exchanges }: { exchanges: TeamExchange[] }) {
  return (
    <Card p={0} withBorder>
      <Table.ScrollContainer minWidth={820}>
        <Table aria-label="Packages exchanged" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Package</Table.Th>
              <Table.Th>Who</Table.Th>
              <Table.Th>When</Table.Th>
              <Table.Th>Signed by</Table.Th>
              <Table.Th>SHA-256</Table.Th>
              <Table.Th>Records</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {exchanges.map((x) => (
              <Table.Tr key={`${x.direction}-${x.packageId}`}>
                <Table.Td>
                  <Text size="sm" fw={500} c={x.direction === 'sent' ? 'blue.8' : 'grape.8'}>
                    {what(x)}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {formatBytes(x.size)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {who(x)}
                  <Text size="xs" c="dimmed">
                    data folder {shortId(x.device)}
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
                      {x.added} added · {x.changed} changed · {x.conflicts} conflicts
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
