import { Grid, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
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

export const documentTitle = (d: DocumentReviewed | null, t: TFunction<'records'>): string =>
  d ? d.title : t('document.newTitle');

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
  emptyMessages: (t) => ({ title: t('document.titleEmpty') }),
  create: (write, auditId, document) => write('documents.create', { auditId, document }),
  update: (write, id, patch) => write('documents.update', { id, patch }),
  remove: (write, id) => write('documents.delete', { id }),
  created: (d, t) => t('document.created', { title: d.title }),
  text: (t) => ({
    label: t('fields.notes'),
    what: t('document.notesWhat'),
    placeholder: t('document.notesPlaceholder'),
    createRows: 4,
  }),
  deleteDescription: (d, t) => (
    <Trans t={t} i18nKey="document.deleteBody" values={{ title: d.title }} components={{ b: <b /> }} />
  ),
  note: (t) => (
    <Text size="xs" c="dimmed">
      {t('document.note')}
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
  const { t } = useTranslation('records');
  return (
    <RecordEditorForm refs={refs} kind={DOCUMENT} audit={audit} args={args}>
      {(form) => (
        <>
          <TextInput
            label={t('document.title')}
            withAsterisk
            placeholder={t('document.titlePlaceholder')}
            readOnly={readOnly}
            data-autofocus
            {...form.getInputProps('title')}
          />
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('document.identifier')}
                placeholder={t('document.identifierPlaceholder')}
                readOnly={readOnly}
                {...form.getInputProps('identifier')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('document.revision')} readOnly={readOnly} {...form.getInputProps('revision')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                type="date"
                label={t('document.documentDate')}
                readOnly={readOnly}
                {...form.getInputProps('documentDate')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('document.owner')} readOnly={readOnly} {...form.getInputProps('owner')} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </RecordEditorForm>
  );
}
