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
import { Trans, useTranslation } from 'react-i18next';
import type { SigningIdentity } from '#shared/domain/signing';
import { getApi } from '../../api/client';
import { useWriteOp, useOp } from '../../api/ops';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { notifyError, notifySuccess } from '../../lib/notify';
import { saveBlob } from '../../lib/download';
import { i18n } from '../../i18n/instance';
import { CreateIdentityModal } from './CreateIdentityModal';
import { formatCertDate, shortFingerprint } from '../../lib/identity';
import { IdentityBadges } from './IdentityBadges';
import { ImportIdentityModal } from './ImportIdentityModal';
import { TrustedCertificates } from './TrustedCertificates';

const fileSafe = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'certificate';

async function downloadCertificate(identity: SigningIdentity): Promise<void> {
  const result = await getApi().invoke('signing.certificate', { id: identity.id });
  if (!result.ok) return notifyError(result.error, i18n.t('signing:page.readFailed'));
  saveBlob(new Blob([result.value.pem], { type: 'application/x-pem-file' }), `${fileSafe(identity.name)}.pem`);
}

/** Settings → Signing identities: the certificates reports are signed with. */
export function SigningPage() {
  const { t } = useTranslation('signing');
  const list = useOp('signing.list', {});
  const remove = useWriteOp('signing.delete');
  const [creating, setCreating] = useState(false);
  const [importing, setImporting] = useState(false);

  const deleteIdentity = async (identity: SigningIdentity) => {
    const result = await remove.mutate({ id: identity.id });
    if (!result.ok) return notifyError(result.error, t('page.deleteFailed'));
    notifySuccess(t('page.deleted', { name: identity.name }));
  };
  const confirmDelete = (identity: SigningIdentity) =>
    modals.openConfirmModal({
      title: t('page.deleteTitle', { name: identity.name }),
      children: (
        <Text size="sm">
          <Trans t={t} i18nKey="page.deleteText" components={{ name: <b>{identity.name}</b> }} />
        </Text>
      ),
      labels: { confirm: t('page.deleteConfirm', { name: identity.name }), cancel: t('page.keepIt') },
      confirmProps: { color: 'red' },
      onConfirm: () => void deleteIdentity(identity),
    });

  const actions = (
    <>
      <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
        {t('page.create')}
      </Button>
      <Button variant="default" leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
        {t('page.importPkcs12')}
      </Button>
    </>
  );

  let body;
  if (list.error && !list.data) body = <LoadError error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <TableSkeleton rows={3} />;
  else if (list.data.length === 0)
    body = (
      <Empty title={t('page.empty')} description={t('page.emptyHint')} icon={<IconCertificate />} actions={actions} />
    );
  else
    body = (
      <Card p={0}>
        <Table.ScrollContainer minWidth={800}>
          <Table aria-label={t('page.tableLabel')} verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('page.name')}</Table.Th>
                <Table.Th>{t('page.role')}</Table.Th>
                <Table.Th>{t('page.fingerprint')}</Table.Th>
                <Table.Th>{t('page.validUntil')}</Table.Th>
                <Table.Th>{t('page.status')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('page.actions')}</VisuallyHidden>
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
                          <Tooltip label={copied ? t('page.copied') : t('page.copyFull')} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color={copied ? 'teal' : 'gray'}
                              onClick={copy}
                              aria-label={t('page.copyOf', { name: identity.name })}
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
                      <Tooltip label={t('page.download')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          onClick={() => void downloadCertificate(identity)}
                          aria-label={t('page.downloadOf', { name: identity.name })}
                        >
                          <IconDownload size={16} />
                        </ActionIcon>
                      </Tooltip>
                      <Tooltip label={t('page.delete')} withArrow>
                        <ActionIcon
                          variant="subtle"
                          color="red"
                          onClick={() => confirmDelete(identity)}
                          aria-label={t('page.deleteOf', { name: identity.name })}
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
        title={t('page.title')}
        description={t('page.description')}
        actions={list.data && list.data.length > 0 ? actions : undefined}
      />
      {body}
      <TrustedCertificates />
      <CreateIdentityModal opened={creating} onClose={() => setCreating(false)} />
      <ImportIdentityModal opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
