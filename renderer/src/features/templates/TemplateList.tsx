import { Badge, Card, Table, Text } from '@mantine/core';
import { IconTemplate } from '@tabler/icons-react';
import type { TemplateSummary } from '#shared/domain/template';
import { useOp } from '../../api/ops';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { TemplateImport } from './TemplateImport';

const STAGE_LABELS: Record<TemplateSummary['stage'], string> = { stage1: 'Stage 1', stage2: 'Stage 2 and later' };

/** The checklist templates audits can start from: built-in ones and the certification body's own. */
export function TemplateList() {
  const templates = useOp('templates.list', {});
  return (
    <>
      <PageHeader
        title="Checklist templates"
        description="A new audit copies its checklist from one of these. Later changes to a template never alter audits already planned."
      />
      <Card mb="lg">
        <Text size="sm" mb="sm">
          Your certification body can import its own template: a JSON file with an id, version, title, language, stage,
          groups and items (each with a number, title, audit questions and evidence hints).
        </Text>
        <TemplateImport />
      </Card>
      {templates.error && !templates.data ? (
        <LoadError error={templates.error} onRetry={templates.reload} />
      ) : !templates.data ? (
        <TableSkeleton rows={2} />
      ) : templates.data.length === 0 ? (
        <Empty
          title="No templates"
          description="The built-in templates are missing from this installation. Import a template file to plan audits."
          icon={<IconTemplate />}
        />
      ) : (
        <Card p={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table aria-label="Templates">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Id</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>For</Table.Th>
                  <Table.Th>Language</Table.Th>
                  <Table.Th>Source</Table.Th>
                  <Table.Th ta="right">Items</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {templates.data.map((t) => (
                  <Table.Tr key={`${t.id}@${t.version}`}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {t.title}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {t.standard}
                      </Text>
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" ff="monospace">
                        {t.id}
                      </Text>
                    </Table.Td>
                    <Table.Td>{t.version}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{STAGE_LABELS[t.stage]}</Table.Td>
                    <Table.Td>{t.language}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Badge
                        variant={t.builtin ? 'light' : 'outline'}
                        color={t.builtin ? 'indigo' : 'grape'}
                        styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                      >
                        {t.builtin ? 'Built-in' : 'Imported'}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{t.itemCount}</Table.Td>
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
