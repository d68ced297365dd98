import { Button, Grid, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FindingResponse, ResponseInput } from '#shared/domain/finding';
import { RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { issuesToErrors } from '../../lib/formErrors';
import type { Act } from './act';

interface Values {
  receivedAt: string;
  correction: string;
  rootCause: string;
  correctiveAction: string;
  responsible: string;
  correctionDue: string;
  actionDue: string;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The client's answer to a nonconformity, as received (by e-mail, on paper). */
export function ResponseForm(props: {
  act: Act;
  by: string;
  findingId: string;
  auditId: string;
  /** The response returned before this one: a second response starts from what the client said then. */
  previous: FindingResponse | null;
}) {
  const { act, by, findingId, auditId, previous } = props;
  const { t } = useTranslation('findings');
  const form = useForm<Values>({
    initialValues: {
      receivedAt: today(),
      correction: previous?.correction ?? '',
      rootCause: previous?.rootCause ?? '',
      correctiveAction: previous?.correctiveAction ?? '',
      responsible: previous?.responsible ?? '',
      correctionDue: previous?.correctionDue ?? '',
      actionDue: previous?.actionDue ?? '',
    },
  });
  const journal = useFormJournal(form, { recordType: 'finding', recordId: findingId, field: 'response', auditId });
  const submit = form.onSubmit((v) => {
    const response: ResponseInput = { ...v, correctionDue: v.correctionDue || null, actionDue: v.actionDue || null };
    void act(t('response.failed'), (write) => write('findings.respond', { id: findingId, response, by })).then(
      (error) => {
        if (error?.issues) form.setErrors(issuesToErrors(error.issues, 'response'));
        if (!error) void journal.clear();
      },
    );
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('response.label')}>
      <Stack gap="sm">
        <RestoredFormAlert
          restoredAt={journal.restoredAt}
          onDiscard={journal.discard}
          saveLabel={t('response.submit')}
        />
        <TextInput type="date" label={t('response.receivedOn')} withAsterisk {...form.getInputProps('receivedAt')} />
        <Textarea
          label={t('response.correction')}
          description={t('response.correctionHint')}
          autosize
          minRows={2}
          {...form.getInputProps('correction')}
        />
        <Textarea label={t('response.rootCause')} autosize minRows={2} {...form.getInputProps('rootCause')} />
        <Textarea
          label={t('response.correctiveAction')}
          description={t('response.correctiveActionHint')}
          autosize
          minRows={2}
          {...form.getInputProps('correctiveAction')}
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label={t('response.responsible')} {...form.getInputProps('responsible')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput type="date" label={t('response.correctionDue')} {...form.getInputProps('correctionDue')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput type="date" label={t('response.actionDue')} {...form.getInputProps('actionDue')} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconMailForward size={16} />}>
            {t('response.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
