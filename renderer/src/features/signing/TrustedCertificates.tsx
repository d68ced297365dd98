import { Badge, Button, Card, Code, Group, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconShieldCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('signing');
  const list = useOp('trust.list', {});
  const remove = useWriteOp('trust.remove');
  const [importing, setImporting] = useState(false);

  const removeIt = async (cert: TrustedCertificate) => {
    const result = await remove.mutate({ id: cert.id });
    if (!result.ok) return notifyError(result.error, t('trusted.removeFailed'));
    notifySuccess(t('trusted.removed', { name: cert.name }));
  };
  const confirmRemove = (cert: TrustedCertificate) =>
    modals.openConfirmModal({
      title: t('trusted.removeTitle', { name: cert.name }),
      children: (
        <Text size="sm">
          <Trans t={t} i18nKey="trusted.removeText" components={{ b: <b /> }} />
        </Text>
      ),
      labels: { confirm: t('trusted.stopTrustingOf', { name: cert.name }), cancel: t('trusted.keepIt') },
      confirmProps: { color: 'red' },
      onConfirm: () => void removeIt(cert),
    });

  let body;
  if (list.error && !list.data) body = <LoadError error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <TableSkeleton rows={2} />;
  else if (list.data.length === 0)
    body = (
      <Text size="sm" c="dimmed">
        {t('trusted.none')}
      </Text>
    );
  else
    body = (
      <Card p={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('trusted.tableLabel')} verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('trusted.name')}</Table.Th>
                <Table.Th>{t('trusted.subjectIssuer')}</Table.Th>
                <Table.Th>{t('trusted.valid')}</Table.Th>
                <Table.Th>{t('trusted.fingerprint')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('trusted.actions')}</VisuallyHidden>
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
                        {t('trusted.expired')}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{cert.subject}</Text>
                    <Text size="xs" c="dimmed">
                      {t('trusted.issuedBy', { issuer: cert.issuer })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {t('trusted.validRange', {
                        from: formatCertDate(cert.notBefore),
                        until: formatCertDate(cert.notAfter),
                      })}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={260}>
                    <Code style={{ wordBreak: 'break-all' }}>{cert.fingerprint}</Code>
                  </Table.Td>
                  <Table.Td>
                    <RemoveIconButton
                      tooltip={t('trusted.stopTrusting')}
                      label={t('trusted.stopTrustingOf', { name: cert.name })}
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
            {t('trusted.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('trusted.intro')}
          </Text>
        </div>
        <Button variant="default" leftSection={<IconShieldCheck size={16} />} onClick={() => setImporting(true)}>
          {t('trusted.trust')}
        </Button>
      </Group>
      {body}
      <ImportTrustedModal opened={importing} onClose={() => setImporting(false)} />
    </Stack>
  );
}
