import { Grid, MultiSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import { FINDING_TYPES, type Finding, type FindingType } from '#shared/domain/finding';
import { useWrite } from '../../api/ops';
import { notifySuccess } from '../../lib/notify';
import { newRecordId, RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { defaultRecordTime } from '../../lib/dateTime';
import { send, SubmitRow, useBusy, useDirtyCheck } from '../../components/editorForm';
import { RequirementPicker } from '../../components/RequirementPicker';
import { onlySite, SiteSelect } from '../../components/records/fields';
import type { AuditRefs } from '../../lib/useAuditRefs';
import { GradingGuidance } from './GradingGuidance';
import { decodeRecord, encodeRecord, useRecordOptions } from './useRecordOptions';

interface Values {
  type: FindingType;
  itemIds: string[];
  statement: string;
  evidenceText: string;
  records: string[];
  siteId: string | null;
  raisedBy: string;
  raisedAt: string;
}

const toValues = (f: Finding | null, audit: Audit, actor: string): Values => ({
  type: f?.type ?? 'minor',
  itemIds: f?.requirements.map((r) => r.itemId) ?? [],
  statement: f?.statement ?? '',
  evidenceText: f?.evidenceText ?? '',
  records: f?.records.map(encodeRecord) ?? [],
  siteId: f ? f.siteId : onlySite(audit),
  raisedBy: f?.raisedBy ?? actor,
  raisedAt: f?.raisedAt ?? defaultRecordTime(audit.startDate, audit.endDate),
});

const toPayload = (v: Values) => ({ ...v, records: v.records.map(decodeRecord) });

interface FindingFormProps {
  audit: Audit;
  refs: AuditRefs;
  finding: Finding | null;
  actor: string;
  readOnly: boolean;
  onSaved: (f: Finding) => void;
  setDirtyCheck: (check: (() => boolean) | null) => void;
}

/** What the finding says: its grade, requirements, statement and objective evidence. */
export function FindingForm({ audit, refs, finding, actor, readOnly, onSaved, setDirtyCheck }: FindingFormProps) {
  const { t } = useTranslation('findings');
  const creating = finding === null;
  const form = useForm<Values>({ initialValues: toValues(finding, audit, actor) });
  const [busy, run] = useBusy();
  const isDirty = useCallback(() => form.isDirty(), [form]);
  useDirtyCheck(setDirtyCheck, isDirty);
  const journal = useFormJournal(
    form,
    { recordType: 'finding', recordId: finding?.id ?? newRecordId(audit.id), auditId: audit.id },
    !readOnly,
  );
  const recordOptions = useRecordOptions(audit.id);
  const recordData = useMemo(() => {
    // Linked records no longer listed (deleted) stay visible under the name the server gave them.
    const known = new Set(recordOptions.flatMap((g) => g.items.map((i) => i.value)));
    const extra = (finding?.records ?? [])
      .filter((r) => !known.has(encodeRecord(r)))
      .map((r) => ({ value: encodeRecord(r), label: r.label }));
    return extra.length ? [...recordOptions, { group: t('form.otherRecords'), items: extra }] : recordOptions;
  }, [recordOptions, finding?.records, t]);

  // Saves refresh the findings, the checklist's item findings and the audit's views (api/invalidation.ts).
  const write = useWrite();
  const submit = form.onSubmit((values) => {
    if (!creating && !form.isDirty()) return;
    void run(async () => {
      const result = creating
        ? await send(
            () => write('findings.create', { auditId: audit.id, finding: toPayload(values), by: actor }),
            'finding',
            t('form.notRecorded'),
          )
        : await send(
            () => write('findings.update', { id: finding.id, patch: toPayload(values), by: actor }),
            'patch',
            t('form.notSaved'),
          );
      if (!result.ok) return form.setErrors(result.errors);
      form.resetDirty(values);
      await journal.clear();
      notifySuccess(creating ? t('form.recorded') : t('form.saved'));
      onSaved(result.value);
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={creating ? t('form.newLabel') : t('form.detailsLabel')}>
      <Stack gap="sm">
        <RestoredFormAlert
          restoredAt={journal.restoredAt}
          onDiscard={journal.discard}
          saveLabel={creating ? t('form.createDraft') : t('form.saveChanges')}
        />
        <Radio.Group label={t('form.type')} withAsterisk {...form.getInputProps('type')} readOnly={readOnly}>
          <Grid gap="xs" mt={6}>
            {FINDING_TYPES.map((type) => (
              <Grid.Col key={type} span={{ base: 12, sm: 6 }}>
                <Radio
                  value={type}
                  label={t(`labels:findingType.${type}`)}
                  disabled={readOnly && form.values.type !== type}
                />
              </Grid.Col>
            ))}
          </Grid>
        </Radio.Group>
        {!readOnly && <GradingGuidance type={form.values.type} />}
        <RequirementPicker
          refs={refs}
          label={t('form.requirements')}
          readOnly={readOnly}
          value={form.values.itemIds}
          onChange={(ids) => form.setFieldValue('itemIds', ids)}
          error={form.errors.itemIds as string | undefined}
        />
        <Textarea
          label={t('form.statement')}
          description={readOnly ? undefined : t('form.statementHint')}
          autosize
          minRows={4}
          maxRows={16}
          readOnly={readOnly}
          data-autofocus
          {...form.getInputProps('statement')}
        />
        <Textarea
          label={t('form.evidence')}
          description={readOnly ? undefined : t('form.evidenceHint')}
          autosize
          minRows={3}
          maxRows={16}
          readOnly={readOnly}
          {...form.getInputProps('evidenceText')}
        />
        <MultiSelect
          label={t('form.records')}
          placeholder={readOnly || form.values.records.length ? undefined : t('form.recordsPlaceholder')}
          data={recordData}
          searchable
          clearable={!readOnly}
          readOnly={readOnly}
          nothingFoundMessage={t('form.noRecord')}
          comboboxProps={{ withinPortal: true }}
          {...form.getInputProps('records')}
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <SiteSelect
              refs={refs}
              current={finding?.siteId ?? null}
              readOnly={readOnly}
              {...form.getInputProps('siteId')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t('form.raisedBy')} readOnly={readOnly} {...form.getInputProps('raisedBy')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              type="datetime-local"
              label={t('form.raisedAt')}
              withAsterisk
              readOnly={readOnly}
              {...form.getInputProps('raisedAt')}
            />
          </Grid.Col>
        </Grid>
        {!readOnly && <SubmitRow creating={creating} noun="draft finding" busy={busy} dirty={form.isDirty()} />}
      </Stack>
    </form>
  );
}
