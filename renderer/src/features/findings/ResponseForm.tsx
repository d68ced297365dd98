import { Button, Grid, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
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
    void act('The response was not recorded', (write) =>
      write('findings.respond', { id: findingId, response, by }),
    ).then((error) => {
      if (error?.issues) form.setErrors(issuesToErrors(error.issues, 'response'));
      if (!error) void journal.clear();
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Client response">
      <Stack gap="sm">
        <RestoredFormAlert
          restoredAt={journal.restoredAt}
          onDiscard={journal.discard}
          saveLabel="Record client response"
        />
        <TextInput type="date" label="Received on" withAsterisk {...form.getInputProps('receivedAt')} />
        <Textarea
          label="Correction"
          description="What was done at once to fix this case"
          autosize
          minRows={2}
          {...form.getInputProps('correction')}
        />
        <Textarea label="Root cause" autosize minRows={2} {...form.getInputProps('rootCause')} />
        <Textarea
          label="Corrective action plan"
          description="What will stop it happening again"
          autosize
          minRows={2}
          {...form.getInputProps('correctiveAction')}
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput label="Responsible person" {...form.getInputProps('responsible')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput type="date" label="Correction due" {...form.getInputProps('correctionDue')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput type="date" label="Corrective action due" {...form.getInputProps('actionDue')} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconMailForward size={16} />}>
            Record client response
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
