import { ActionIcon, Button, Card, Code, CopyButton, Group, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import {
  IconCertificate,
  IconCheck,
  IconCopy,
  IconDownload,
  IconFileImport,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import type { SigningIdentity } from '#shared/domain/signing';
import { getApi } from '../../api/client';
import { useWriteOp, useOp } from '../../api/ops';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../lib/notify';
import { saveBlob } from '../../lib/download';
import { CreateIdentityModal } from './CreateIdentityModal';
import { formatCertDate, shortFingerprint } from '../../lib/identity';
import { IdentityBadges } from './IdentityBadges';
import { ImportIdentityModal } from './ImportIdentityModal';
import { TrustedCertificates } from './TrustedCertificates';

const fileSafe = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'certificate';

async function downloadCertificate(identity: SigningIdentity): Promise<void> {
  const result = await getApi().invoke('signing.certificate', { id: identity.id });
  if (!result.ok) return notifyError(result.error, 'The certificate could not be read');
  saveBlob(new Blob([result.value.pem], { type: 'application/x-pem-file' }), `${fileSafe(identity.name)}.pem`);
}

/** Settings → Signing identities: the certificates reports are signed with. */
export function SigningPage() {
  const list = useOp('signing.list', {});
  const remove = useWriteOp('signing.delete');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const deleteIdentity = async (identity: SigningIdentity) => {
    const result = await remove.mutate({ id: identity.id });
    if (!result.ok) return notifyError(result.error, 'The identity was not deleted');
    notifySuccess(`Signing identity ${identity.name} deleted`);
  };
  const confirmDelete = (identity: SigningIdentity) =>
    modals.openConfirmModal({
      title: `Delete the signing identity of ${identity.name}?`,
      children: (
        <Text size="sm">
          The private key of <b>{identity.name}</b> is destroyed: no new report can be signed with it. Reports already
          signed stay valid and verifiable. This cannot be undone.
        </Text>
      ),
      labels: { confirm: `Delete ${identity.name}`, cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => void deleteIdentity(identity),
    });

  const actions = (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
        Create identity
      </Button>
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
        Import PKCS#12
      </Button>
    </>
  );

  let body;
  if (list.error && !list.data) body = <LoadError error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <TableSkeleton rows={3} />;
  else if (list.data.length === 0)
    body = (
      <Empty
        title="No signing identities yet"
        description="Issued reports are signed by the lead auditor. Create an identity for each auditor who signs, or import the certificate your certification body gave you."
        icon={<IconCertificate />}
        actions={actions}
      />
    );
  else
    body = (
      <Card p={0}>
        <Table.ScrollContainer minWidth={800}>
          <Table aria-label="Signing identities" verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Role</Table.Th>
                <Table.Th>Fingerprint (SHA-256)</Table.Th>
                <Table.Th>Valid until</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((identity) => (
                <Table.Tr key={identity.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {identity.name}
                    </Text>
                    {identity.email && (
                      <Text size="xs" c="dimmed">
                        {identity.email}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{identity.role}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Code title={identity.fingerprint}>{shortFingerprint(identity.fingerprint)}</Code>
                      <CopyButton value={identity.fingerprint}>
                        {({ copied, copy }) => (
                          <Tooltip label={copied ? 'Copied' : 'Copy the full fingerprint'} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color={copied ? 'teal' : 'gray'}
                              onClick={copy}
                              aria-label={`Copy the fingerprint of ${identity.name}`}
                            >
                              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </CopyButton>
                    </Group>
                  </Table.Td>
                  <Table.Td>{formatCertDate(identity.notAfter)}</Table.Td>
                  <Table.Td>
                    <IdentityBadges identity={identity} />
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap" justify="flex-end">
                      <Tooltip label="Download certificate (PEM)" withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          onClick={() => void downloadCertificate(identity)}
                          aria-label={`Download the certificate of ${identity.name}`}
                        >
                          <IconDownload size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label="Delete" withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => confirmDelete(identity)}
                          aria-label={`Delete the signing identity of ${identity.name}`}
                        >
                          <IconTrash size={16} />
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
    );

  return (
    <>
      <PageHeader
        title="Signing identities"
        description="Each auditor who signs reports needs one: a certificate and a private key kept on this computer."
        actions={list.data && list.data.length > 0 ? actions : undefined}
      />
      {body}
      <TrustedCertificates />
      <CreateIdentityModal opened={creating} onClose={() => setCreating(false)} />
      <ImportIdentityModal opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
