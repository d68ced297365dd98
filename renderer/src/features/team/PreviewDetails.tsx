import { Alert, Badge, Checkbox, Code, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '#shared/domain/team';
import { Facts } from '../../components/Facts';
import { kindLabel, shortId } from './labels';

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
  const { t } = useTranslation('team');
  const s = p.summary;
  const rows = s.byKind.filter((k) => k.added + k.changed + k.conflicts > 0);
  return (
    <Stack gap="md">
      <Facts
        labelWidth={150}
        items={[
          [t('preview.package'), p.kind === 'send' ? t('preview.send') : t('preview.return')],
          [
            t('preview.from'),
            <Text size="sm" key="from">
              {p.senderName}{' '}
              <Text span size="xs" c="dimmed">
                {t('preview.fromFolder', { folder: shortId(p.senderDevice) })}
              </Text>
            </Text>,
          ],
          [t('preview.audit'), p.auditLabel],
          [
            t('preview.signedBy'),
            <Stack gap={2} key="signer">
              <Group gap="xs">
                <Text size="sm">{p.signer.name}</Text>
                {p.signer.known ? (
                  <Badge color="teal" variant="light">
                    {t('preview.knownSigner')}
                  </Badge>
                ) : (
                  <Badge color="yellow" variant="light">
                    {t('preview.unknownSigner')}
                  </Badge>
                )}
              </Group>
              <Code style={{ wordBreak: 'break-all' }} aria-label={t('preview.fingerprint')}>
                {p.signer.fingerprint}
              </Code>
            </Stack>,
          ],
          [t('preview.evidenceFiles'), String(p.evidenceFiles)],
        ]}
      />
      {otherAudit && (
        <Alert color="blue" icon={<IconInfoCircle />} title={t('preview.otherAuditTitle')}>
          {t('preview.otherAudit', { audit: p.auditLabel })}
        </Alert>
      )}
      {s.alreadyImported ? (
        <Alert color="blue" icon={<IconInfoCircle />} title={t('preview.alreadyTitle')} role="status">
          {t('preview.already')}
        </Alert>
      ) : (
        <>
          {!p.signer.known && (
            <Alert color="yellow" icon={<IconAlertTriangle />} title={t('preview.checkSigner')} role="alert">
              <Stack gap="xs">
                <Text size="sm">{t('preview.checkSignerText', { name: p.signer.name })}</Text>
                <Code block style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
                  {p.signer.fingerprint}
                </Code>
                <Checkbox
                  label={t('preview.compared')}
                  description={t('preview.comparedHint')}
                  checked={compared}
                  onChange={(e) => onCompared(e.currentTarget.checked)}
                  disabled={disabled}
                />
              </Stack>
            </Alert>
          )}
          {rows.length === 0 ? (
            <Text size="sm">{t('preview.nothingNew')}</Text>
          ) : (
            <Table aria-label={t('preview.changes')} withTableBorder verticalSpacing={4}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('preview.records')}</Table.Th>
                  <Table.Th ta="right">{t('preview.added')}</Table.Th>
                  <Table.Th ta="right">{t('preview.changed')}</Table.Th>
                  <Table.Th ta="right">{t('preview.conflicts')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((k) => (
                  <Table.Tr key={k.kind}>
                    <Table.Th scope="row" fw={400}>
                      {kindLabel(k.kind)}
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
                  <Table.Th scope="row">{t('preview.total')}</Table.Th>
                  <Table.Th ta="right">{s.added}</Table.Th>
                  <Table.Th ta="right">{s.changed}</Table.Th>
                  <Table.Th ta="right">{s.conflicts}</Table.Th>
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          )}
          {s.conflicts > 0 && (
            <Text size="sm" c="dimmed">
              {t('preview.conflictsNote', { count: s.conflicts })}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
