import { Alert, Badge, Checkbox, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { ImportPreview } from '#shared/domain/team';
import { Facts } from '../../components/Facts';
import { plural } from '../../lib/format';
import { KIND_LABELS, shortId } from './labels';

interface Props {
  preview: ImportPreview;
  compared: boolean;
  onCompared: (v: boolean) => void;
  /** Set when the package is for another audit than the one on screen. */
  otherAudit: boolean;
  disabled?: boolean;
}

/** What a package is, who signed it and what importing it would do, before anything is written. */
export function PreviewDetails({ preview: p, compared, onCompared, otherAudit, disabled }: Props) {
  const s = p.summary;
  const rows = s.byKind.filter((k) => k.added + k.changed + k.conflicts > 0);
  return (
    <Stack gap="md">
      <Facts
        labelWidth={150}
        items={[
          ['Package', p.kind === 'send' ? 'The audit sent out by its lead' : 'Work returned by a team member'],
          [
            'From',
            <Text size="sm" key="from">
              {p.senderName}{' '}
              <Text span size="xs" c="dimmed">
                (data folder {shortId(p.senderDevice)})
              </Text>
            </Text>,
          ],
          ['Audit', p.auditLabel],
          [
            'Signed by',
            <Stack gap={2} key="signer">
              <Group gap="xs">
                <Text size="sm">{p.signer.name}</Text>
                {p.signer.known ? (
                  <Badge color="teal" variant="light">
                    Known signer
                  </Badge>
                ) : (
                  <Badge color="yellow" variant="light">
                    Unknown signer
                  </Badge>
                )}
              </Group>
              <Code style={{ wordBreak: 'break-all' }} aria-label="Certificate fingerprint">
                {p.signer.fingerprint}
              </Code>
            </Stack>,
          ],
          ['Evidence files', String(p.evidenceFiles)],
        ]}
      />
      {otherAudit && (
        <Alert color="blue" icon={<IconInfoCircle />} title="For another audit">
          This package belongs to {p.auditLabel}, not to the audit on screen. Importing it updates that audit.
        </Alert>
      )}
      {s.alreadyImported ? (
        <Alert color="blue" icon={<IconInfoCircle />} title="Already imported" role="status">
          This package was imported before. Importing it again would change nothing.
        </Alert>
      ) : (
        <>
          {!p.signer.known && (
            <Alert color="yellow" icon={<IconAlertTriangle />} title="Check who signed this package" role="alert">
              <Stack gap="xs">
                <Text size="sm">
                  This data folder does not know the certificate of {p.signer.name} yet. Call {p.signer.name} (not by
                  replying to the message that brought the file) and compare this fingerprint, read out pair by pair:
                </Text>
                <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                  {p.signer.fingerprint}
                </Code>
                <Checkbox
                  label="I compared the fingerprint with the sender"
                  description="Import only if every pair matches what the sender reads out."
                  checked={compared}
                  onChange={(e) => onCompared(e.currentTarget.checked)}
                  disabled={disabled}
                />
              </Stack>
            </Alert>
          )}
          {rows.length === 0 ? (
            <Text size="sm">Nothing new: this data folder has everything the package holds.</Text>
          ) : (
            <Table aria-label="What the import changes" withTableBorder verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Records</Table.Th>
                  <Table.Th ta="right">Added</Table.Th>
                  <Table.Th ta="right">Changed</Table.Th>
                  <Table.Th ta="right">Conflicts</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((k) => (
                  <Table.Tr key={k.kind}>
                    <Table.Th scope="row" fw={400}>
                      {KIND_LABELS[k.kind]}
                    </Table.Th>
                    <Table.Td ta="right">{k.added}</Table.Td>
                    <Table.Td ta="right">{k.changed}</Table.Td>
                    <Table.Td ta="right" c={k.conflicts > 0 ? 'red' : undefined}>
                      {k.conflicts}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">Total</Table.Th>
                  <Table.Th ta="right">{s.added}</Table.Th>
                  <Table.Th ta="right">{s.changed}</Table.Th>
                  <Table.Th ta="right">{s.conflicts}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          )}
          {s.conflicts > 0 && (
            <Text size="sm" c="dimmed">
              {plural(s.conflicts, 'conflict')}: both values are kept and the later one shows until you decide on the
              Team tab. Nothing is lost.
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
