import { Badge, Divider, Input, Stack, Text, Title } from '@mantine/core';
import { memo, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '#shared/domain/audit';
import type { ChecklistItem, ChecklistItemPatch, SampledRecordInput } from '#shared/domain/checklist';
import { AttachmentsPanel } from '../../components/evidence/AttachmentsPanel';
import { ItemFindings } from '../../components/findings/ItemFindings';
import { AssignmentFields, Guidance, NotesField, ResultField, TYPING_DELAY_MS } from './EditorFields';
import { PlannedSessions } from './PlannedSessions';
import { SamplesEditor } from './SamplesEditor';

interface ItemEditorProps {
  item: ChecklistItem;
  team: readonly TeamMember[];
  readOnly: boolean;
  update: (id: string, patch: ChecklistItemPatch, delay?: number) => void;
  flush: (id: string) => void;
}

/** Everything about the selected item; rendered for that one item only. */
export const ItemEditor = memo(function ItemEditor({ item, team, readOnly, update, flush }: ItemEditorProps) {
  const { t } = useTranslation('checklist');
  const id = item.id;
  const onSamples = useCallback(
    (samples: SampledRecordInput[]) => update(id, { samples }, TYPING_DELAY_MS),
    [id, update],
  );
  const onSamplesBlur = useCallback(() => flush(id), [id, flush]);
  // The same object while the item is shown: the attachments panel is memoised, and a result key need not redraw it.
  const target = useMemo(() => ({ type: 'checklist_item' as const, id }), [id]);

  return (
    <Stack gap="md" aria-label={t('editor.item', { name: item.number || item.title })} role="region">
      <div>
        <Text size="xs" c="dimmed" translate="no">
          {item.groupTitle}
        </Text>
        <Title order={3} size="h4" translate="no">
          {item.number && `${item.number} `}
          {item.title}
        </Title>
        {item.clauses.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('editor.covers', { clauses: item.clauses.join(', ') })}
          </Text>
        )}
      </div>

      {item.soa && (
        <Text size="sm" data-soa>
          <b>{t('editor.soa')}</b>{' '}
          {item.soa.applicable
            ? t('editor.applicable')
            : t('editor.notApplicable', { justification: item.soa.justification || t('editor.noJustification') })}
          {item.soa.status && t('editor.implementation', { status: item.soa.status })}
        </Text>
      )}

      <PlannedSessions itemId={id} />
      <Guidance title={t('editor.questions')} lines={item.questions} />
      <Guidance title={t('editor.evidence')} lines={item.evidence} />
      <Divider />

      <ResultField id={id} result={item.result} readOnly={readOnly} update={update} />
      {item.needsFinding && (
        <Badge color="red" variant="light" w="fit-content">
          {t('editor.needsFinding', { result: t(`labels:result.${item.result}`) })}
        </Badge>
      )}
      <ItemFindings item={item} team={team} readOnly={readOnly} />
      <NotesField id={id} notes={item.notes} readOnly={readOnly} update={update} flush={flush} />
      <AssignmentFields
        id={id}
        assigneeId={item.assigneeId}
        sampleSize={item.sampleSize}
        minutesSpent={item.minutesSpent}
        team={team}
        readOnly={readOnly}
        update={update}
        flush={flush}
      />
      <Input.Wrapper label={t('editor.samples')} labelElement="div">
        <SamplesEditor samples={item.samples} readOnly={readOnly} onChange={onSamples} onBlur={onSamplesBlur} />
      </Input.Wrapper>
      <Divider />
      <AttachmentsPanel auditId={item.auditId} target={target} team={team} readOnly={readOnly} />
    </Stack>
  );
});
