import { Grid, MultiSelect, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import { InterviewInput, InterviewPatch, type Interview } from '#shared/domain/records';
import { defaultRecordTime, formatLocalDateTime } from '../../lib/dateTime';
import type { EditorArgs } from '../../components/records/RecordDrawerPage';
import { RecordEditorForm, type RecordKindView } from '../../components/records/RecordEditorForm';
import { onlyMember, onlySite, OnSiteTimeInput, SiteSelect } from '../../components/records/fields';
import type { RecordKind } from '../../components/records/useRecordEditor';
import type { AuditRefs } from '../../lib/useAuditRefs';

interface Values {
  intervieweeName: string;
  intervieweeRole: string;
  department: string;
  siteId: string | null;
  heldAt: string;
  auditorIds: string[];
  itemIds: string[];
  /** Only typed here while creating; afterwards the drafted field owns it. */
  notes: string;
}

export const interviewTitle = (i: Interview | null, t: TFunction<'records'>): string =>
  i ? t('interview.title', { name: i.intervieweeName }) : t('interview.new');

const INTERVIEW: RecordKind<Interview, Values, InterviewInput> & RecordKindView<Interview> = {
  noun: 'interview',
  recordType: 'interview',
  textField: 'notes',
  title: interviewTitle,
  toValues: (i, audit) => ({
    intervieweeName: i?.intervieweeName ?? '',
    intervieweeRole: i?.intervieweeRole ?? '',
    department: i?.department ?? '',
    siteId: i ? i.siteId : onlySite(audit),
    heldAt: i?.heldAt ?? defaultRecordTime(audit.startDate, audit.endDate),
    auditorIds: i ? i.auditorIds : onlyMember(audit),
    itemIds: i?.itemIds ?? [],
    notes: i?.notes ?? '',
  }),
  toDetails: ({ notes: _notes, ...details }) => details,
  input: InterviewInput,
  patch: InterviewPatch,
  emptyMessages: (t) => ({ intervieweeName: t('interview.whoEmpty'), heldAt: t('interview.whenEmpty') }),
  create: (write, auditId, interview) => write('interviews.create', { auditId, interview }),
  update: (write, id, patch) => write('interviews.update', { id, patch }),
  remove: (write, id) => write('interviews.delete', { id }),
  created: (i, t) => t('interview.created', { name: i.intervieweeName }),
  text: (t) => ({
    label: t('fields.notes'),
    what: t('interview.notesWhat'),
    placeholder: t('interview.notesPlaceholder'),
    createRows: 6,
  }),
  attachTo: 'interview',
  deleteDescription: (i, t) => (
    <Trans
      t={t}
      i18nKey="interview.deleteBody"
      values={{ name: i.intervieweeName, when: formatLocalDateTime(i.heldAt) }}
      components={{ b: <b /> }}
    />
  ),
};

/** Create or edit one interview: who, when, where, which requirements; notes and attachments once it exists. */
export function InterviewEditor({ audit, refs, args }: { audit: Audit; refs: AuditRefs; args: EditorArgs<Interview> }) {
  const { record, readOnly } = args;
  const { t } = useTranslation('records');
  return (
    <RecordEditorForm refs={refs} kind={INTERVIEW} audit={audit} args={args}>
      {(form) => (
        <>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('interview.interviewee')}
                withAsterisk
                readOnly={readOnly}
                data-autofocus
                {...form.getInputProps('intervieweeName')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('interview.role')} readOnly={readOnly} {...form.getInputProps('intervieweeRole')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('interview.department')} readOnly={readOnly} {...form.getInputProps('department')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <SiteSelect
                refs={refs}
                current={record?.siteId ?? null}
                readOnly={readOnly}
                {...form.getInputProps('siteId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <OnSiteTimeInput readOnly={readOnly} {...form.getInputProps('heldAt')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <MultiSelect
                label={t('interview.auditors')}
                data={refs.team}
                searchable
                readOnly={readOnly}
                placeholder={readOnly ? undefined : t('interview.chooseMembers')}
                {...form.getInputProps('auditorIds')}
              />
            </Grid.Col>
          </Grid>
        </>
      )}
    </RecordEditorForm>
  );
}
