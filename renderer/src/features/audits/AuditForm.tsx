import {
  Button,
  Grid,
  Group,
  Input,
  MultiSelect,
  SegmentedControl,
  Select,
  Stack,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '#shared/api/result';
import { AUDIT_MODES, AUDIT_TYPES, STANDARDS, type Audit } from '#shared/domain/audit';
import { reportLanguageOptions } from '../../components/reportLanguageOptions';
import { useOp } from '../../api/ops';
import { RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { href } from '../../lib/router';
import { Block } from '../../components/Block';
import { issuesToErrors } from '../../lib/formErrors';
import { notifyError } from '../../lib/notify';
import { validateAudit, type AuditFormValues } from './auditFormValues';
import { ChecklistChoice } from './ChecklistChoice';
import { TeamEditor } from './TeamEditor';

interface AuditFormProps {
  initialValues: AuditFormValues;
  submitLabel: string;
  cancelTo: string;
  /** Server issues of update inputs are nested under this key ('audit'). */
  issuePrefix?: string;
  /** A new audit also chooses its checklist (template, and for surveillance the sample). */
  creating?: boolean;
  onSubmit: (values: AuditFormValues) => Promise<Result<Audit>>;
  onSaved: (audit: Audit) => void;
  /** The audit's id, or newRecordId(…) while planning one: the journal key of what is typed. */
  journalId: string;
}

export function AuditForm(props: AuditFormProps) {
  const { initialValues, submitLabel, cancelTo, issuePrefix, creating = false, onSubmit, onSaved } = props;
  const { t } = useTranslation('audits');
  const typeOptions = AUDIT_TYPES.map((type) => ({ value: type, label: t(`labels:auditType.${type}`) }));
  const modeOptions = AUDIT_MODES.map((m) => ({ value: m, label: t(`labels:auditMode.${m}`) }));
  const form = useForm<AuditFormValues>({ mode: 'controlled', initialValues });
  // Typed but not saved comes back after a reload or a crash (issue 19, defect 1).
  const journal = useFormJournal(form, {
    recordType: 'audit',
    recordId: props.journalId,
    auditId: creating ? '' : props.journalId,
  });
  const clients = useOp('clients.list', {});
  const clientId = form.values.clientId;
  const client = useOp('clients.get', { id: clientId }, { enabled: clientId !== '' });
  const sites = clientId && client.data?.id === clientId ? client.data.sites : [];

  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const errors = validateAudit(form.values, creating);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) return focusFirstError();
    setSaving(true);
    const result = await onSubmit(form.values).finally(() => setSaving(false));
    if (result.ok) {
      await journal.clear();
      return onSaved(result.value);
    }
    form.setErrors(issuesToErrors(result.error.issues, issuePrefix));
    notifyError(result.error, t('form.saveFailed'));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={submitLabel}>
      <Stack gap="lg">
        <RestoredFormAlert restoredAt={journal.restoredAt} onDiscard={journal.discard} saveLabel={submitLabel} />
        <Section title={t('form.engagement')}>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('form.client')}
                placeholder={clients.data?.length === 0 ? t('form.addClientFirst') : t('form.chooseClient')}
                data={(clients.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
                searchable
                openOnFocus={false}
                withAsterisk
                nothingFoundMessage={t('form.noClientByName')}
                {...form.getInputProps('clientId')}
                value={clientId || null}
                onChange={(v: string | null) => {
                  form.setFieldValue('clientId', v ?? '');
                  form.setFieldValue('siteIds', []);
                  form.setFieldValue('sampledRefs', null);
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('form.auditType')}
                placeholder={t('form.chooseType')}
                data={typeOptions}
                withAsterisk
                allowDeselect={false}
                {...form.getInputProps('type')}
                value={form.values.type || null}
                onChange={(v: string | null) => {
                  form.setFieldValue('type', (v ?? '') as AuditFormValues['type']);
                  // Stage 1 and later stages use different templates: back to the default for the new type.
                  if (creating) form.setFieldValue('templateId', '');
                }}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('form.standard')}
                value={STANDARDS[0]}
                readOnly
                variant="filled"
                description={t('form.standardHint')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Input.Wrapper label={t('form.mode')} labelElement="div" description={t('form.modeHint')}>
                <SegmentedControl
                  data={modeOptions}
                  fullWidth
                  mt={4}
                  aria-label={t('form.mode')}
                  {...form.getInputProps('mode')}
                />
              </Input.Wrapper>
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="date" label={t('form.plannedStart')} withAsterisk {...form.getInputProps('startDate')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput type="date" label={t('form.plannedEnd')} withAsterisk {...form.getInputProps('endDate')} />
            </Grid.Col>
          </Grid>
        </Section>

        <Section title={t('form.scope')}>
          <Textarea
            label={t('form.scopeStatement')}
            withAsterisk
            autosize
            minRows={3}
            maxRows={12}
            placeholder={t('form.scopePlaceholder')}
            {...form.getInputProps('scope')}
          />
          <MultiSelect
            label={t('form.sites')}
            data={sites.map((s) => ({ value: s.id, label: s.name }))}
            placeholder={
              !clientId ? t('form.chooseClientFirst') : sites.length === 0 ? t('form.noSites') : t('form.chooseSites')
            }
            disabled={!clientId || sites.length === 0}
            searchable
            clearable
            hidePickedOptions
            {...form.getInputProps('siteIds')}
          />
        </Section>

        <Section>
          <TeamEditor form={form} />
        </Section>

        {creating && (
          <Section title={t('form.checklist')}>
            <ChecklistChoice form={form} />
          </Section>
        )}

        <Section title={t('form.reportLanguage')}>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('form.reportLanguage')}
                description={t('form.reportLanguageHint')}
                data={reportLanguageOptions}
                allowDeselect={false}
                {...form.getInputProps('reportLanguage')}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <Select
                label={t('form.secondLanguage')}
                description={t('form.secondLanguageHint')}
                data={reportLanguageOptions.filter((o) => o.value !== form.getValues().reportLanguage)}
                clearable
                placeholder={t('form.none')}
                {...form.getInputProps('reportSecondLanguage')}
                value={form.getValues().reportSecondLanguage || null}
                onChange={(v) =>
                  form.setFieldValue('reportSecondLanguage', (v ?? '') as AuditFormValues['reportSecondLanguage'])
                }
              />
            </Grid.Col>
          </Grid>
        </Section>

        <Section title={t('form.objectivesCriteria')}>
          <Textarea
            label={t('form.objectives')}
            autosize
            minRows={2}
            maxRows={10}
            {...form.getInputProps('objectives')}
          />
          <Textarea
            label={t('form.criteria')}
            autosize
            minRows={2}
            maxRows={10}
            placeholder={t('form.criteriaPlaceholder')}
            {...form.getInputProps('criteria')}
          />
        </Section>

        <Group justify="flex-end">
          <Button component="a" href={href(cancelTo)} variant="default">
            {t('common:cancel')}
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function Section({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Block title={title}>
      <Stack gap="md">{children}</Stack>
    </Block>
  );
}

/** Moves keyboard focus to the first field that has a message. */
function focusFirstError() {
  requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('form [aria-invalid="true"], form [data-error] input')?.focus();
  });
}
