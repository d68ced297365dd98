import { Chip, Group, Input, List, NativeSelect, NumberInput, Text, Textarea } from '@mantine/core';
import { memo, useContext, useDeferredValue, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TeamMember } from '#shared/domain/audit';
import { RESULT_KEYS, type ChecklistItemPatch, type ItemResult } from '#shared/domain/checklist';
import { RestoredDraftAlert, type RestoredDraft } from '../../lib/drafts';
import { NotesDraftsContext } from './notesDrafts';
import { RESULT_COLORS } from '../../lib/checklistResults';

/**
 * The editor's parts, each memoised on the fields it shows: a result key
 * re-renders the result control, not the 2 KB notes box or the sample rows.
 */

/** Text and numbers wait for a pause in typing; the result is saved at once. */
export const TYPING_DELAY_MS = 600;
export const NOTES_ID = 'checklist-notes';

type Update = (id: string, patch: ChecklistItemPatch, delay?: number) => void;
const toCount = (v: number | string): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Chips, not a SegmentedControl: its sliding indicator measures the layout on every change. */
export const ResultField = memo(function ResultField(props: {
  id: string;
  result: ItemResult;
  readOnly: boolean;
  update: Update;
}) {
  // A result key paints the list row first; the chips follow in a render React may interrupt.
  const result = useDeferredValue(props.result);
  const { t } = useTranslation('checklist');
  return (
    <Input.Wrapper label={t('editor.result')} labelElement="div" description={t('editor.resultHint')}>
      <ResultChips id={props.id} result={result} readOnly={props.readOnly} update={props.update} />
    </Input.Wrapper>
  );
});

const ResultChips = memo(function ResultChips(props: {
  id: string;
  result: ItemResult;
  readOnly: boolean;
  update: Update;
}) {
  const { id, result, readOnly, update } = props;
  const { t } = useTranslation('checklist');
  return (
    <Group gap={6} mt={6} role="radiogroup" aria-label={t('editor.result')}>
      <Chip.Group value={result} onChange={(v) => !readOnly && update(id, { result: v })}>
        {RESULT_KEYS.map((r, key) => (
          <Chip
            key={r}
            value={r}
            size="sm"
            color={RESULT_COLORS[r]}
            disabled={readOnly && r !== result}
            title={t('editor.key', { key })}
          >
            {t(`resultShort.${r}`)}
          </Chip>
        ))}
      </Chip.Group>
    </Group>
  );
});

export const NotesField = memo(function NotesField(props: {
  id: string;
  notes: string;
  readOnly: boolean;
  update: Update;
  flush: (id: string) => void;
}) {
  const { id, notes, readOnly, update, flush } = props;
  const { t } = useTranslation('checklist');
  const drafts = useContext(NotesDraftsContext);
  const [draft, setDraft] = useState<{ id: string; text: string; restored: RestoredDraft } | null>(null);
  // Notes typed here earlier that never reached the backend (it was unreachable, the page was closed).
  useEffect(() => {
    if (!drafts || readOnly) return;
    let current = true;
    void drafts.check(id).then((found) => {
      if (current && found) setDraft({ id, ...found });
    });
    return () => {
      current = false;
    };
  }, [drafts, id, readOnly]);
  const restored = draft?.id === id ? draft : null;

  return (
    <>
      {restored && (
        <RestoredDraftAlert
          restored={restored.restored}
          what="notes"
          onSave={() => {
            setDraft(null);
            update(id, { notes: restored.text }, 0);
          }}
          onDiscard={() => {
            setDraft(null);
            void drafts?.discard(id);
          }}
        />
      )}
      <Textarea
        id={NOTES_ID}
        label={t('editor.notes')}
        description={t('editor.notesHint')}
        placeholder={t('editor.notesPlaceholder')}
        autosize
        minRows={4}
        maxRows={14}
        value={restored ? restored.text : notes}
        readOnly={readOnly}
        onChange={(e) => {
          // Typing on in restored notes keeps them: they save like any other edit.
          if (restored) setDraft(null);
          update(id, { notes: e.currentTarget.value }, TYPING_DELAY_MS);
        }}
        onBlur={() => flush(id)}
      />
    </>
  );
});

export const AssignmentFields = memo(function AssignmentFields(props: {
  id: string;
  assigneeId: string | null;
  sampleSize: number | null;
  minutesSpent: number | null;
  team: readonly TeamMember[];
  readOnly: boolean;
  update: Update;
  flush: (id: string) => void;
}) {
  const { id, assigneeId, sampleSize, minutesSpent, team, readOnly, update, flush } = props;
  const { t } = useTranslation('checklist');
  return (
    <>
      <NativeSelect
        label={t('editor.assignedAuditor')}
        data={[{ value: '', label: t('editor.unassigned') }, ...team.map((m) => ({ value: m.id, label: m.name }))]}
        value={assigneeId ?? ''}
        disabled={readOnly}
        onChange={(e) => update(id, { assigneeId: e.currentTarget.value || null })}
      />
      <Group grow align="flex-start">
        <NumberInput
          label={t('editor.sampleSize')}
          min={0}
          max={1_000_000}
          allowDecimal={false}
          allowNegative={false}
          value={sampleSize ?? ''}
          readOnly={readOnly}
          onChange={(v) => update(id, { sampleSize: toCount(v) }, TYPING_DELAY_MS)}
          onBlur={() => flush(id)}
        />
        <NumberInput
          label={t('editor.minutes')}
          min={0}
          max={100_000}
          allowDecimal={false}
          allowNegative={false}
          value={minutesSpent ?? ''}
          readOnly={readOnly}
          onChange={(v) => update(id, { minutesSpent: toCount(v) }, TYPING_DELAY_MS)}
          onBlur={() => flush(id)}
        />
      </Group>
    </>
  );
});

export const Guidance = memo(function Guidance({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div>
      <Text size="sm" fw={600} mb={4}>
        {title}
      </Text>
      <List size="sm" spacing={4}>
        {lines.map((line, i) => (
          <List.Item key={i} translate="no">
            {line}
          </List.Item>
        ))}
      </List>
    </div>
  );
});
