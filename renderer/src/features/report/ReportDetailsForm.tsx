import { Button, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDetails } from '#shared/domain/report';
import { useWriteOp } from '../../api/ops';
import { issuesToErrors } from '../../lib/formErrors';
import { formatTimestamp } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { DETAIL_GROUPS, type TextDetail } from './detailFields';

type Values = Record<TextDetail, string> & { auditorDays: number | string };

const toValues = (d: ReportDetails): Values => {
  const values = { auditorDays: d.auditorDays ?? '' } as Values;
  for (const group of DETAIL_GROUPS) for (const key of group.fields) values[key] = d[key];
  return values;
};

interface Props {
  auditId: string;
  details: ReportDetails;
  by: string;
  readOnly: boolean;
}

/** The lead auditor's own words for the report: what the audit record alone cannot say. */
export function ReportDetailsForm({ auditId, details, by, readOnly }: Props) {
  const { t } = useTranslation('report');
  const save = useWriteOp('reports.saveDetails');
  const form = useForm<Values>({ initialValues: toValues(details) });

  useEffect(() => {
    const typing = form.isDirty();
    form.setInitialValues(toValues(details));
    if (!typing) form.setValues(toValues(details));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's values change
  }, [details.updatedAt]);

  const submit = form.onSubmit((v) => {
    const days = v.auditorDays === '' ? null : Number(v.auditorDays);
    void save.mutate({ auditId, by, details: { ...v, auditorDays: days } }).then((result) => {
      if (!result.ok) {
        form.setErrors(issuesToErrors(result.error.issues, 'details'));
        return notifyError(result.error, t('details.notSaved'));
      }
      form.resetDirty(toValues(result.value));
      notifySuccess(t('details.saved'));
    });
  });

  return (
    <form onSubmit={submit} noValidate aria-label={t('details.formLabel')}>
      <Stack gap="lg">
        {details.updatedAt && (
          <Text size="xs" c="dimmed">
            {details.updatedBy
              ? t('details.lastSavedBy', { when: formatTimestamp(details.updatedAt), by: details.updatedBy })
              : t('details.lastSaved', { when: formatTimestamp(details.updatedAt) })}
          </Text>
        )}
        {DETAIL_GROUPS.map((group, i) => (
          <Stack key={group.id} gap="sm">
            <Title order={4} size="h6">
              {t(`details.groups.${group.id}`)}
            </Title>
            {i === 1 && (
              <NumberInput
                label={t('details.auditorDays')}
                description={t('details.auditorDaysHint')}
                min={0}
                max={1000}
                step={0.5}
                decimalScale={2}
                w={220}
                readOnly={readOnly}
                {...form.getInputProps('auditorDays')}
              />
            )}
            {group.fields.map((key) => (
              <Textarea
                key={key}
                label={t(`details.fields.${key}.label`)}
                description={t(`details.fields.${key}.help`)}
                autosize
                minRows={2}
                maxRows={14}
                readOnly={readOnly}
                {...form.getInputProps(key)}
              />
            ))}
          </Stack>
        ))}
        {!readOnly && (
          <Group justify="flex-end">
            <Button type="submit" loading={save.pending} variant={form.isDirty() ? 'filled' : 'default'}>
              {t('details.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
