import { Grid, Text, TextInput } from '@mantine/core';
import type { Audit } from '#shared/domain/audit';
import { DocumentInput, DocumentPatch, type DocumentReviewed } from '#shared/domain/records';
import type { EditorArgs } from '../../components/records/RecordDrawerPage';
import { RecordEditorForm, type RecordKindView } from '../../components/records/RecordEditorForm';
import type { RecordKind } from '../../components/records/useRecordEditor';
import type { AuditRefs } from '../../lib/useAuditRefs';

interface Values {
  title: string;
  identifier: string;
  revision: string;
  /** '' in the date field means none. */
  documentDate: string;
  owner: string;
  itemIds: string[];
  /** Only typed here while creating; afterwards the drafted field owns it. */
  notes: string;
}

export const documentTitle = (d: DocumentReviewed | null): string => (d ? d.title : 'New document reviewed');

const DOCUMENT: RecordKind<DocumentReviewed, Values, DocumentInput> & RecordKindView<DocumentReviewed> = {
  noun: 'document',
  recordType: 'document',
  textField: 'notes',
  title: documentTitle,
  toValues: (d) => ({
    title: d?.title ?? '',
    identifier: d?.identifier ?? '',
    revision: d?.revision ?? '',
    documentDate: d?.documentDate ?? '',
    owner: d?.owner ?? '',
    itemIds: d?.itemIds ?? [],
    notes: d?.notes ?? '',
  }),
  toDetails: ({ notes: _notes, documentDate, ...rest }) => ({ ...rest, documentDate: documentDate || null }),
  input: DocumentInput,
  patch: DocumentPatch,
  emptyMessages: { title: 'Name the document reviewed' },
  create: (write, auditId, document) => write('documents.create', { auditId, document }),
  update: (write, id, patch) => write('documents.update', { id, patch }),
  remove: (write, id) => write('documents.delete', { id }),
  created: (d) => `“${d.title}” recorded`,
  text: {
    label: 'Notes',
    what: 'notes',
    placeholder: 'What the document covers, what was checked in it, anything missing or out of date',
    createRows: 4,
  },
  deleteDescription: (d) => (
    <>
      The record of <b>{d.title}</b> and its notes will be deleted. This cannot be undone.
    </>
  ),
  note: (
    <Text size="xs" c="dimmed">
      Documents are recorded as seen, not copied into the audit: note what identifies the version you read.
    </Text>
  ),
};

/**
 * Create or edit one document reviewed. Documents are seen, not copied:
 * there is no attachment, only what identifies the version that was read.
 */
export function DocumentEditor(props: { audit: Audit; refs: AuditRefs; args: EditorArgs<DocumentReviewed> }) {
  const { audit, refs, args } = props;
  const { readOnly } = args;
  return (
    <RecordEditorForm refs={refs} kind={DOCUMENT} audit={audit} args={args}>
      {(form) => (
        <>
          <TextInput
            label="Title"
            withAsterisk
            placeholder="Information security policy"
            readOnly={readOnly}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Identifier"
                placeholder="ISMS-POL-001"
                readOnly={readOnly}
                {...form.getInputProps('identifier')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Version or revision" readOnly={readOnly} {...form.getInputProps('revision')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="date"
                label="Document date"
                readOnly={readOnly}
                {...form.getInputProps('documentDate')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label="Owner" readOnly={readOnly} {...form.getInputProps('owner')} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </RecordEditorForm>
  );
}
