import { Stack, Text, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Result } from '#shared/api/result';
import { RestoredDraftAlert, useDraftedText, type DraftRecordType } from '../lib/drafts';

interface DraftedTextareaProps {
  recordType: DraftRecordType;
  recordId: string;
  auditId: string;
  field: string;
  serverValue: string;
  save: (text: string) => Promise<Result<unknown>>;
  label: string;
  /** "notes", "description": how the restore prompt names the text. */
  what: string;
  placeholder?: string;
  minRows?: number;
  id?: string;
  withAsterisk?: boolean;
}

/**
 * A long text that is journaled on this computer at every key press and saved
 * after a pause in typing, so a crash or a closed lid loses nothing.
 */
export function DraftedTextarea(props: DraftedTextareaProps) {
  const { recordType, recordId, auditId, field, serverValue, save } = props;
  const draft = useDraftedText({ recordType, recordId, auditId, field, serverValue, save });
  const { t } = useTranslation('components');
  return (
    <Stack gap={6}>
      <RestoredDraftAlert
        restored={draft.restored}
        onSave={draft.saveRestored}
        onDiscard={draft.discardRestored}
        what={props.what}
      />
      <Textarea
        id={props.id}
        label={props.label}
        withAsterisk={props.withAsterisk}
        placeholder={props.placeholder}
        autosize
        minRows={props.minRows ?? 6}
        maxRows={24}
        value={draft.value}
        onChange={(e) => draft.onChange(e.currentTarget.value)}
        onBlur={draft.flush}
        error={draft.status === 'failed' ? (draft.error ?? true) : undefined}
      />
      <Text size="xs" c={draft.status === 'failed' ? 'red' : 'dimmed'} role="status" data-save-state={draft.status}>
        {t(`draft.${draft.status}`)}
      </Text>
    </Stack>
  );
}
