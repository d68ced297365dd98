import { Button, Grid, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailForward } from '@tabler/icons-react';
import type { ResponseInput } from '#shared/domain/finding';
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
export function ResponseForm({ act, by, findingId }: { act: Act; by: string; findingId: string }) {
  const form = useForm<Values>({
    initialValues: {
      receivedAt: today(),
      correction: '',
      rootCause: '',
      correctiveAction: '',
      responsible: '',
      correctionDue: '',
      actionDue: '',
    },
  });
  const submit = form.onSubmit((v) => {
    const response: ResponseInput = { ...v, correctionDue: v.correctionDue || null, actionDue: v.actionDue || null };
    void act('The response was not recorded', (write) =>
      write('findings.respond', { id: findingId, response, by }),
    ).then((error) => {
      if (error?.issues) form.setErrors(issuesToErrors(error.issues, 'response'));
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Client response">
      <Stack gap="sm">
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
