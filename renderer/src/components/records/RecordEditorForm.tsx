import { Divider, Stack, Textarea } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import { AttachmentsPanel } from '../evidence/AttachmentsPanel';
import { DraftedTextarea } from '../DraftedTextarea';
import { RestoredFormAlert } from '../../lib/drafts/RestoredFormAlert';
import { RequirementPicker } from '../RequirementPicker';
import type { AuditRefs } from '../../lib/useAuditRefs';
import { AttachmentsAfterCreate, DeleteButton, SubmitRow } from '../editorForm';
import type { EditorArgs } from './RecordDrawerPage';
import { useRecordEditor, type RecordEditor, type RecordKind, type SavedRecord } from './useRecordEditor';

/** How a kind of record shows in the shared editor, besides its own fields. */
export interface RecordKindView<T> {
  /** The long text's label, and how the restore prompt names it ("notes"), in the UI language. */
  text: (t: TFunction<'records'>) => {
    label: string;
    what: string;
    placeholder: string;
    createRows: number;
    required?: boolean;
  };
  /** What photos and files are linked to as; none for documents (seen, not copied). */
  attachTo?: 'interview' | 'observation';
  /** What the delete confirmation says goes with the record. */
  deleteDescription: (record: T, t: TFunction<'records'>) => ReactNode;
  /** Shown under the form. */
  note?: (t: TFunction<'records'>) => ReactNode;
}

interface RecordEditorFormProps<T extends SavedRecord, V extends { itemIds: string[] }, I extends object> {
  kind: RecordKind<T, V, I> & RecordKindView<T>;
  audit: Audit;
  args: EditorArgs<T>;
  refs: AuditRefs;
  /** The record's own fields; the requirements it supports follow them. */
  children: (form: RecordEditor<T, V>['form']) => ReactNode;
}

/**
 * One record in its drawer: its own fields, then the long text (typed in the
 * form while creating, autosaved as typed afterwards), attachments, and
 * delete with a confirmation.
 */
export function RecordEditorForm<T extends SavedRecord, V extends { itemIds: string[] }, I extends object>(
  props: RecordEditorFormProps<T, V, I>,
) {
  const { kind, audit, args } = props;
  const { record, readOnly } = args;
  const { t } = useTranslation('records');
  const text = kind.text(t);
  const editor = useRecordEditor(kind, audit, args);
  const { form, creating, busy, submit } = editor;
  const noun = kind.noun;
  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate aria-label={creating ? kind.title(null, t) : t(`${noun}.details`)}>
        <Stack gap="sm">
          <RestoredFormAlert
            restoredAt={editor.journal.restoredAt}
            onDiscard={editor.journal.discard}
            saveLabel={creating ? t(`${noun}.create`) : t('page.saveChanges')}
          />
          {props.children(form)}
          <RequirementPicker refs={props.refs} readOnly={readOnly} {...editor.requirements} />
          {creating && (
            <Textarea
              label={text.label}
              withAsterisk={text.required}
              autosize
              minRows={text.createRows}
              maxRows={20}
              placeholder={text.placeholder}
              {...form.getInputProps(kind.textField)}
            />
          )}
          {!readOnly && <SubmitRow creating={creating} noun={noun} busy={busy} dirty={form.isDirty()} />}
        </Stack>
      </form>
      {kind.note?.(t)}

      {creating
        ? kind.attachTo && <AttachmentsAfterCreate noun={noun} />
        : record && (
            <>
              <Divider />
              {readOnly ? (
                <Textarea
                  label={text.label}
                  value={String(record[kind.textField])}
                  readOnly
                  autosize
                  minRows={3}
                  maxRows={24}
                />
              ) : (
                <DraftedTextarea
                  recordType={kind.recordType}
                  recordId={record.id}
                  auditId={audit.id}
                  field={kind.textField}
                  serverValue={String(record[kind.textField])}
                  save={editor.saveText}
                  label={text.label}
                  what={text.what}
                  placeholder={text.placeholder}
                  withAsterisk={text.required}
                />
              )}
              {kind.attachTo && (
                <>
                  <Divider />
                  <AttachmentsPanel
                    auditId={audit.id}
                    target={{ type: kind.attachTo, id: record.id }}
                    team={audit.team}
                    readOnly={readOnly}
                  />
                </>
              )}
              {!readOnly && (
                <>
                  <Divider />
                  <DeleteButton
                    noun={noun}
                    description={kind.deleteDescription(record, t)}
                    run={editor.remove}
                    onDeleted={() => args.onDeleted(record.id)}
                  />
                </>
              )}
            </>
          )}
    </Stack>
  );
}
