import { Badge, Card, Table, Text } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useOp } from '../../api/ops';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { TemplateImport } from './TemplateImport';

/** The checklist templates audits can start from: built-in ones and the certification body's own. */
export function TemplateList() {
  const { t } = useTranslation('templates');
  const templates = useOp('templates.list', {});
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <Card mb="lg">
        <Text size="sm" mb="sm">
          {t('importHint')}
        </Text>
        <TemplateImport />
      </Card>
      {templates.error && !templates.data ? (
        <LoadError error={templates.error} onRetry={templates.reload} />
      ) : !templates.data ? (
        <TableSkeleton rows={2} />
      ) : templates.data.length === 0 ? (
        <Empty title={t('empty')} description={t('emptyHint')} icon={<IconTemplate />} />
      ) : (
        <Card p={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label={t('tableLabel')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('columns.title')}</Table.Th>
                  <Table.Th>{t('columns.id')}</Table.Th>
                  <Table.Th>{t('columns.version')}</Table.Th>
                  <Table.Th>{t('columns.for')}</Table.Th>
                  <Table.Th>{t('columns.language')}</Table.Th>
                  <Table.Th>{t('columns.source')}</Table.Th>
                  <Table.Th ta="right">{t('columns.items')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {templates.data.map((tpl) => (
                  <Table.Tr key={`${tpl.id}@${tpl.version}`}>
                    <Table.Td>
                      <Text size="sm" fw={500} translate="no">
                        {tpl.title}
                      </Text>
                      <Text size="xs" c="dimmed" translate="no">
                        {tpl.standard}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" ff="monospace">
                        {tpl.id}
                      </Text>
                    </Table.Td>
                    <Table.Td>{tpl.version}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{t(`stage.${tpl.stage}`)}</Table.Td>
                    <Table.Td>{tpl.language}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge
                        variant={tpl.builtin ? 'light' : 'outline'}
                        color={tpl.builtin ? 'indigo' : 'grape'}
                        styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                      >
                        {tpl.builtin ? t('builtin') : t('imported')}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{tpl.itemCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
    </>
  );
}
