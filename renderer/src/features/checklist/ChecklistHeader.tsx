import { ActionIcon, Card, Group, Progress, Stack, Text } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import type { Audit } from '#shared/domain/audit';
import type { Checklist } from '#shared/domain/checklist';
import type { Progress as ProgressValue } from '#shared/rules/checklist';
import { formatTimestamp } from '../../lib/format';
import { SaveIndicator } from './SaveIndicator';
import type { SaveStatus } from '../../lib/drafts/saveQueue';
import { SoaImport } from './soa/SoaImport';

interface Props {
  audit: Audit;
  checklist: Checklist;
  overall: ProgressValue;
  status: SaveStatus;
  readOnly: boolean;
  onHelp: () => void;
}

export function ChecklistHeader({ audit, checklist, overall, status, readOnly, onHelp }: Props) {
  const hasControls = checklist.items.some((i) => i.kind === 'control');
  const count = `${overall.audited} / ${overall.total} audited`;
  return (
    <Card>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text fw={600}>{checklist.templateTitle}</Text>
            <Text size="xs" c="dimmed">
              Template {checklist.templateId} · version {checklist.templateVersion}
            </Text>
            {hasControls && (
              <Text size="xs" c="dimmed" data-soa-info>
                {checklist.soaVersion || checklist.soaImportedAt
                  ? `Statement of Applicability ${checklist.soaVersion ? `version ${checklist.soaVersion}` : '(no version stated)'}${
                      checklist.soaImportedAt ? `, imported ${formatTimestamp(checklist.soaImportedAt)}` : ''
                    }`
                  : 'No Statement of Applicability imported yet'}
              </Text>
            )}
          </div>
          <Group gap="xs">
            <SaveIndicator status={status} />
            {hasControls && !readOnly && <SoaImport auditId={audit.id} />}
            <ActionIcon
              variant="default"
              size="lg"
              aria-label="Keyboard shortcuts"
              title="Keyboard shortcuts (?)"
              onClick={onHelp}
            >
              <IconKeyboard size={18} />
            </ActionIcon>
          </Group>
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Progress
            value={overall.percent}
            size="lg"
            style={{ flex: 1 }}
            color={overall.percent === 100 ? 'teal' : 'indigo'}
            aria-label="Overall progress"
          />
          <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-overall-count>
            {count}
          </Text>
        </Group>
      </Stack>
    </Card>
  );
}
