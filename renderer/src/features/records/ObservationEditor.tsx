import { Grid, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import { ObservationInput, ObservationPatch, type Observation } from '#shared/domain/records';
import { defaultRecordTime, formatLocalDateTime } from '../../lib/dateTime';
import type { EditorArgs } from '../../components/records/RecordDrawerPage';
import { RecordEditorForm, type RecordKindView } from '../../components/records/RecordEditorForm';
import { onlySite, OnSiteTimeInput, SiteSelect } from '../../components/records/fields';
import type { RecordKind } from '../../components/records/useRecordEditor';
import type { AuditRefs } from '../../lib/useAuditRefs';

interface Values {
  siteId: string | null;
  location: string;
  observedAt: string;
  itemIds: string[];
  /** Only typed here while creating; afterwards the drafted field owns it. */
  description: string;
}

export const observationTitle = (o: Observation | null, t: TFunction<'records'>): string =>
  o ? t('observation.title', { when: formatLocalDateTime(o.observedAt) }) : t('observation.new');

const OBSERVATION: RecordKind<Observation, Values, ObservationInput> & RecordKindView<Observation> = {
  noun: 'observation',
  recordType: 'observation',
  textField: 'description',
  title: observationTitle,
  toValues: (o, audit) => ({
    siteId: o ? o.siteId : onlySite(audit),
    location: o?.location ?? '',
    observedAt: o?.observedAt ?? defaultRecordTime(audit.startDate, audit.endDate),
    itemIds: o?.itemIds ?? [],
    description: o?.description ?? '',
  }),
  toDetails: ({ description: _description, ...details }) => details,
  input: ObservationInput,
  patch: ObservationPatch,
  emptyMessages: (t) => ({ observedAt: t('observation.whenEmpty'), description: t('observation.descriptionEmpty') }),
  create: (write, auditId, observation) => write('observations.create', { auditId, observation }),
  update: (write, id, patch) => write('observations.update', { id, patch }),
  remove: (write, id) => write('observations.delete', { id }),
  created: (_o, t) => t('observation.created'),
  text: (t) => ({
    label: t('observation.description'),
    what: t('observation.descriptionWhat'),
    placeholder: t('observation.descriptionPlaceholder'),
    createRows: 5,
    required: true,
  }),
  attachTo: 'observation',
  deleteDescription: (o, t) =>
    o.location
      ? t('observation.deleteBodyAt', { when: formatLocalDateTime(o.observedAt), location: o.location })
      : t('observation.deleteBody', { when: formatLocalDateTime(o.observedAt) }),
};

/** Create or edit one observation: where and when, what was seen, which requirements, and its photos. */
export function ObservationEditor(props: { audit: Audit; refs: AuditRefs; args: EditorArgs<Observation> }) {
  const { audit, refs, args } = props;
  const { record, readOnly } = args;
  const { t } = useTranslation('records');
  return (
    <RecordEditorForm refs={refs} kind={OBSERVATION} audit={audit} args={args}>
      {(form) => (
        <>
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <SiteSelect
                refs={refs}
                current={record?.siteId ?? null}
                readOnly={readOnly}
                {...form.getInputProps('siteId')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('observation.location')}
                placeholder={t('observation.locationPlaceholder')}
                readOnly={readOnly}
                data-autofocus
                {...form.getInputProps('location')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <OnSiteTimeInput readOnly={readOnly} {...form.getInputProps('observedAt')} />
            </Grid.Col>
          </Grid>
        </>
      )}
    </RecordEditorForm>
  );
}
