import { Badge, Button, Card, Code, Group, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconFileImport } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportTemplate } from '#shared/domain/report-templates';
import { LANGUAGE_NATIVE_NAMES } from '#shared/i18n/languages';
import { useOp, useWriteOp } from '../../api/ops';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { RemoveIconButton } from '../../components/RemoveIconButton';
import { notifyError, notifySuccess } from '../../lib/notify';
import { ImportReportTemplateModal } from './ImportReportTemplateModal';

/**
 * Settings → Report templates: the certification body's own Word layouts
 * (issue 17 §3). One default per document type and language; exports without
 * a default use the built-in layout.
 */
export function ReportTemplatesPage() {
  const { t, i18n } = useTranslation('reportTemplates');
  const list = useOp('reportTemplates.list', {});
  const remove = useWriteOp('reportTemplates.remove');
  const setDefault = useWriteOp('reportTemplates.setDefault');
  const [importing, setImporting] = useState(false);

  const removeIt = async (tpl: ReportTemplate) => {
    const result = await remove.mutate({ id: tpl.id });
    if (!result.ok) return notifyError(result.error, t('notRemoved'));
    notifySuccess(t('removed', { name: tpl.name }));
  };
  const confirmRemove = (tpl: ReportTemplate) =>
    modals.openConfirmModal({
      title: t('removeTitle', { name: tpl.name }),
      children: <Text size="sm">{t('removeBody')}</Text>,
      labels: { confirm: t('removeConfirm'), cancel: t('keep') },
      confirmProps: { color: 'red' },
      onConfirm: () => void removeIt(tpl),
    });
  const toggleDefault = async (tpl: ReportTemplate, isDefault: boolean) => {
    const result = await setDefault.mutate({ id: tpl.id, isDefault });
    if (!result.ok) return notifyError(result.error, t('notChanged'));
    if (isDefault) notifySuccess(t('defaultSet', { name: tpl.name }));
  };

  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);
  let body;
  if (list.error && !list.data) body = <LoadError error={list.error} onRetry={list.reload} />;
  else if (!list.data) body = <TableSkeleton rows={2} />;
  else if (list.data.length === 0)
    body = (
      <Card withBorder>
        <Text fw={500}>{t('empty')}</Text>
        <Text size="sm" c="dimmed">
          {t('emptyHint')}
        </Text>
      </Card>
    );
  else
    body = (
      <Card p={0}>
        <Table.ScrollContainer minWidth={900}>
          <Table aria-label={t('tableLabel')} verticalSpacing="sm" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('name')}</Table.Th>
                <Table.Th>{t('type')}</Table.Th>
                <Table.Th>{t('language')}</Table.Th>
                <Table.Th>{t('warnings')}</Table.Th>
                <Table.Th>{t('imported')}</Table.Th>
                <Table.Th>{t('sha')}</Table.Th>
                <Table.Th>{t('isDefault')}</Table.Th>
                <Table.Th>{t('actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((tpl) => (
                <Table.Tr key={tpl.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {tpl.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>{t(`types.${tpl.type}`)}</Table.Td>
                  <Table.Td>{LANGUAGE_NATIVE_NAMES[tpl.language]}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {tpl.missingContents.length === 0 && tpl.unknownPlaceholders.length === 0 && (
                        <Badge color="teal" variant="light">
                          {t('allGood')}
                        </Badge>
                      )}
                      {tpl.missingContents.length > 0 && (
                        <Tooltip label={tpl.missingContents.map((m) => m.label).join('; ')} multiline maw={360}>
                          <Badge color="orange" variant="light" tabIndex={0}>
                            {t('missingCount', { count: tpl.missingContents.length })}
                          </Badge>
                        </Tooltip>
                      )}
                      {tpl.unknownPlaceholders.length > 0 && (
                        <Tooltip label={tpl.unknownPlaceholders.join(', ')} multiline maw={360}>
                          <Badge color="orange" variant="light" tabIndex={0}>
                            {t('unknownCount', { count: tpl.unknownPlaceholders.length })}
                          </Badge>
                        </Tooltip>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{date(tpl.importedAt)}</Table.Td>
                  <Table.Td>
                    <Code title={tpl.sha256}>{tpl.sha256.slice(0, 12)}…</Code>
                  </Table.Td>
                  <Table.Td>
                    <Switch
                      checked={tpl.isDefault}
                      onChange={(e) => void toggleDefault(tpl, e.currentTarget.checked)}
                      aria-label={tpl.isDefault ? t('unsetDefault') : t('makeDefaultOf', { name: tpl.name })}
                    />
                  </Table.Td>
                  <Table.Td>
                    <RemoveIconButton label={t('remove', { name: tpl.name })} onClick={() => confirmRemove(tpl)} />
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
        title={t('title')}
        description={t('description')}
        actions={
          <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
            {t('import')}
          </Button>
        }
      />
      <Stack gap="md">
        <Text size="sm">{t('placeholdersHint')}</Text>
        {body}
      </Stack>
      <ImportReportTemplateModal opened={importing} onClose={() => setImporting(false)} />
    </>
  );
}
