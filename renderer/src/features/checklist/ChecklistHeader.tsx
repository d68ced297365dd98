import { ActionIcon, Card, Group, Progress, Text } from '@mantine/core';
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
  const soa = hasControls
    ? checklist.soaVersion || checklist.soaImportedAt
      ? `Statement of Applicability ${checklist.soaVersion ? `version ${checklist.soaVersion}` : '(no version stated)'}${
          checklist.soaImportedAt ? `, imported ${formatTimestamp(checklist.soaImportedAt)}` : ''
        }`
      : 'No Statement of Applicability imported yet'
    : null;
  // One line: the checklist is where the day is spent, so its rows start as high as they can.
  return (
    <Card py="xs" px="md">
      <Group gap="sm" wrap="nowrap">
        <div style={{ minWidth: 0, flex: '0 1 auto', maxWidth: '45%' }}>
          <Text fw={600} size="sm" truncate="end" title={checklist.templateTitle}>
            {checklist.templateTitle}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            Template {checklist.templateId} · version {checklist.templateVersion}
            {soa && (
              <>
                {' · '}
                <span data-soa-info>{soa}</span>
              </>
            )}
          </Text>
        </div>
        <Progress
          value={overall.percent}
          size="md"
          style={{ flex: 1, minWidth: 80 }}
          color={overall.percent === 100 ? 'teal' : 'indigo'}
          aria-label="Overall progress"
        />
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-overall-count>
          {count}
        </Text>
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
    </Card>
  );
}
