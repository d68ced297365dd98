import { Button, Card, Group, NumberInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_RESPONSE_DAYS, type FindingSettings } from '#shared/domain/finding';
import { useWriteOp, useOp } from '../../api/ops';
import { issuesToErrors } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';

interface Values {
  closingMeetingDate: string;
  responseDaysMajor: number | string;
  responseDaysMinor: number | string;
}

const toValues = (s: FindingSettings | undefined): Values => ({
  closingMeetingDate: s?.closingMeetingDate ?? '',
  responseDaysMajor: s?.responseDaysMajor ?? DEFAULT_RESPONSE_DAYS.major,
  responseDaysMinor: s?.responseDaysMinor ?? DEFAULT_RESPONSE_DAYS.minor,
});

/** When the client's responses are due: the closing meeting plus a number of days per grade. */
export function FindingSettingsForm({
  auditId,
  readOnly,
  onSaved,
}: {
  auditId: string;
  readOnly: boolean;
  /** The findings' due dates change too; the findings list (not a cached read yet) reloads. */
  onSaved: () => void;
}) {
  const { t } = useTranslation('findings');
  const settings = useOp('findings.settings', { auditId });
  const save = useWriteOp('findings.setSettings');
  const form = useForm<Values>({ initialValues: toValues(undefined) });
  const loaded = settings.data;
  useEffect(() => {
    if (!loaded) return;
    form.setInitialValues(toValues(loaded));
    form.setValues(toValues(loaded));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the server's values arrive
  }, [loaded]);

  const submit = form.onSubmit((v) => {
    void save
      .mutate({
        auditId,
        closingMeetingDate: v.closingMeetingDate || null,
        responseDaysMajor: Number(v.responseDaysMajor),
        responseDaysMinor: Number(v.responseDaysMinor),
      })
      .then((result) => {
        if (!result.ok) {
          form.setErrors(issuesToErrors(result.error.issues));
          return notifyError(result.error, t('deadlines.failed'));
        }
        form.resetDirty(toValues(result.value));
        notifySuccess(t('deadlines.saved'));
        onSaved();
      });
  });

  if (!loaded) return null;
  return (
    <Card withBorder p="sm" mb="md">
      <form onSubmit={submit} noValidate aria-label={t('deadlines.label')}>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            type="date"
            label={t('deadlines.closingMeeting')}
            description={t('deadlines.closingMeetingHint')}
            readOnly={readOnly}
            {...form.getInputProps('closingMeetingDate')}
          />
          <NumberInput
            label={t('deadlines.daysMajor')}
            min={1}
            max={365}
            w={170}
            readOnly={readOnly}
            {...form.getInputProps('responseDaysMajor')}
          />
          <NumberInput
            label={t('deadlines.daysMinor')}
            min={1}
            max={365}
            w={170}
            readOnly={readOnly}
            {...form.getInputProps('responseDaysMinor')}
          />
          {!readOnly && (
            <Button type="submit" variant={form.isDirty() ? 'filled' : 'default'} loading={save.pending}>
              {t('deadlines.save')}
            </Button>
          )}
        </Group>
        <Text size="xs" c="dimmed" mt={6}>
          {t('deadlines.hint')}
        </Text>
      </form>
    </Card>
  );
}
