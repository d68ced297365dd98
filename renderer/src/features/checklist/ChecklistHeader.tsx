import { ActionIcon, Card, Group, Progress, Text } from '@mantine/core';
import { IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('checklist');
  const count = t('audited', { audited: overall.audited, total: overall.total });
  const soa = hasControls
    ? checklist.soaVersion || checklist.soaImportedAt
      ? `${checklist.soaVersion ? t('header.soaVersion', { version: checklist.soaVersion }) : t('header.soaNoVersion')}${
          checklist.soaImportedAt ? t('header.soaImported', { date: formatTimestamp(checklist.soaImportedAt) }) : ''
        }`
      : t('header.noSoa')
    : null;
  // One line: the checklist is where the day is spent, so its rows start as high as they can.
  return (
    <Card py="xs" px="md">
      <Group gap="sm" wrap="nowrap">
        <div style={{ minWidth: 0, flex: '0 1 auto', maxWidth: '45%' }}>
          <Text fw={600} size="sm" truncate="end" title={checklist.templateTitle} translate="no">
            {checklist.templateTitle}
          </Text>
          <Text size="xs" c="dimmed" truncate="end">
            {t('header.template', { id: checklist.templateId, version: checklist.templateVersion })}
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
          aria-label={t('header.overallProgress')}
        />
        <Text size="sm" fw={500} style={{ whiteSpace: 'nowrap' }} data-overall-count>
          {count}
        </Text>
        <SaveIndicator status={status} />
        {hasControls && !readOnly && <SoaImport auditId={audit.id} />}
        <ActionIcon
          variant="default"
          size="lg"
          aria-label={t('header.shortcuts')}
          title={t('header.shortcutsTitle')}
          onClick={onHelp}
        >
          <IconKeyboard size={18} />
        </ActionIcon>
      </Group>
    </Card>
  );
}
