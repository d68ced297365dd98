import { Badge, Button, Card, Code, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import type { TrustedCertificate } from '#shared/domain/trust';
import { useWriteOp, useOp } from '../../api/ops';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { RemoveIconButton } from '../../components/RemoveIconButton';
import { notifyError, notifySuccess } from '../../lib/notify';
import { formatCertDate } from '../../lib/identity';
import { ImportTrustedModal } from './ImportTrustedModal';

/**
 * Settings → Signing identities → Trusted certificates: colleagues' and the
 * certification body's certificates. A document signed with one of them (or
 * with one of this folder's identities) shows as signed by someone known;
 * any other signature, however intact, shows as "signer not known".
 */
export function TrustedCertificates() {
  const list = useOp('trust.list', {});
  const remove = useWriteOp('trust.remove');
  const [importing, setImporting] = useState(false);

  const removeIt = async (cert: TrustedCertificate) => {
    const result = await remove.mutate({ id: cert.id });
    if (!result.ok) return notifyError(result.error, 'The certificate was not removed');
    notifySuccess(`${cert.name} is no longer trusted`);
  };
  const confirmRemove = (cert: TrustedCertificate) =>
    modals.openConfirmModal({
      title: `Stop trusting ${cert.name}?`,
      children: (
        <Text size="sm">
          Documents signed with this certificate will show as <b>signer not known</b> until you import it again. Nothing
          else changes.
        </Text>
      ),
      labels: { confirm: `Stop trusting ${cert.name}`, cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => void removeIt(cert),
    });

  let body;
  if (list.error && !list.data) body = <LoadError error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <TableSkeleton rows={2} />;
  else if (list.data.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        No trusted certificates. Documents signed by anyone but this folder’s signing identities show as “signer not
        known”.
      </Text>
    );
  else
    body = (
      <Card p={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label="Trusted certificates" verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Subject and issuer</Table.Th>
                <Table.Th>Valid</Table.Th>
                <Table.Th>Fingerprint (SHA-256)</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((cert) => (
                <Table.Tr key={cert.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {cert.name}
                    </Text>
                    {cert.expired && (
                      <Badge color="gray" variant="light" size="sm">
                        Expired
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{cert.subject}</Text>
                    <Text size="xs" c="dimmed">
                      Issued by {cert.issuer}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {formatCertDate(cert.notBefore)} – {formatCertDate(cert.notAfter)}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={260}>
                    <Code style={{ wordBreak: 'break-all' }}>{cert.fingerprint}</Code>
                  </Table.Td>
                  <Table.Td>
                    <RemoveIconButton
                      tooltip="Stop trusting"
                      label={`Stop trusting ${cert.name}`}
                      onClick={() => confirmRemove(cert)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    );

  return (
    <Stack gap="sm" mt="xl" component="section" aria-labelledby="trusted-certificates">
      <Group justify="space-between">
        <div>
          <Title order={2} size="h4" id="trusted-certificates">
            Trusted certificates
          </Title>
          <Text size="sm" c="dimmed">
            Whose signatures you recognise besides your own: a name in a certificate proves nothing, its fingerprint
            does.
          </Text>
        </div>
        <Button variant="default" leftSection={<IconShieldCheck size={16} />} onClick={() => setImporting(true)}>
          Trust a certificate…
        </Button>
      </Group>
      {body}
      <ImportTrustedModal opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}
