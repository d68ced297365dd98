import { Badge, Divider, Input, Stack, Text, Title } from '@mantine/core';
import { memo, useCallback } from 'react';
import type { TeamMember } from '#shared/domain/audit';
import type { ChecklistItem, ChecklistItemPatch, SampledRecordInput } from '#shared/domain/checklist';
import { AttachmentsPanel } from '../../components/evidence/AttachmentsPanel';
import { ItemFindings } from '../../components/findings/ItemFindings';
import { AssignmentFields, Guidance, NotesField, ResultField, TYPING_DELAY_MS } from './EditorFields';
import { resultLabel } from '../../lib/checklistResults';
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
  const id = item.id;
  const onSamples = useCallback(
    (samples: SampledRecordInput[]) => update(id, { samples }, TYPING_DELAY_MS),
    [id, update],
  );
  const onSamplesBlur = useCallback(() => flush(id), [id, flush]);

  return (
    <Stack gap="md" aria-label={`Item ${item.number || item.title}`} role="region">
      <div>
        <Text size="xs" c="dimmed">
          {item.groupTitle}
        </Text>
        <Title order={3} size="h4">
          {item.number && `${item.number} `}
          {item.title}
        </Title>
        {item.clauses.length > 0 && (
          <Text size="xs" c="dimmed">
            Covers {item.clauses.join(', ')}
          </Text>
        )}
      </div>

      {item.soa && (
        <Text size="sm" data-soa>
          <b>Statement of Applicability:</b>{' '}
          {item.soa.applicable
            ? 'applicable'
            : `not applicable — ${item.soa.justification || 'no justification given'}`}
          {item.soa.status && ` · implementation: ${item.soa.status}`}
        </Text>
      )}

      <PlannedSessions itemId={id} />
      <Guidance title="Questions to ask" lines={item.questions} />
      <Guidance title="Typical evidence" lines={item.evidence} />
      <Divider />

      <ResultField id={id} result={item.result} readOnly={readOnly} update={update} />
      {item.needsFinding && (
        <Badge color="red" variant="light" w="fit-content">
          {resultLabel(item.result)}: needs a finding
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
      <Input.Wrapper label="Sampled records" labelElement="div">
        <SamplesEditor samples={item.samples} readOnly={readOnly} onChange={onSamples} onBlur={onSamplesBlur} />
      </Input.Wrapper>
      <Divider />
      <AttachmentsPanel
        auditId={item.auditId}
        target={{ type: 'checklist_item', id }}
        team={team}
        readOnly={readOnly}
      />
    </Stack>
  );
});
