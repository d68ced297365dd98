import { Button, Grid, Group, SegmentedControl, Input, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { VERIFICATION_METHOD_LABELS, VERIFICATION_METHODS, type VerificationMethod } from '#shared/domain/finding';
import { RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { issuesToErrors } from '../../lib/formErrors';
import type { Act } from './act';

interface Values {
  method: VerificationMethod;
  notes: string;
  verifiedOn: string;
  verifiedBy: string;
}

/** The auditor's check that the corrective action worked; evidence files go in the panel below it. */
export function VerifyForm(props: { act: Act; by: string; findingId: string; auditId: string }) {
  const { act, by, findingId, auditId } = props;
  const form = useForm<Values>({
    initialValues: {
      method: 'document_review',
      notes: '',
      verifiedOn: new Date().toISOString().slice(0, 10),
      verifiedBy: by,
    },
  });
  const journal = useFormJournal(form, { recordType: 'finding', recordId: findingId, field: 'verification', auditId });
  const submit = form.onSubmit((v) => {
    if (!v.verifiedBy.trim()) return form.setFieldError('verifiedBy', 'Who verified it?');
    void act(
      'The finding was not verified',
      (write) => write('findings.verify', { id: findingId, verification: { ...v, auditId }, by }),
      'Finding verified effective',
    ).then((error) => {
      if (error?.issues) form.setErrors(issuesToErrors(error.issues, 'verification'));
      if (!error) void journal.clear();
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label="Verification">
      <Stack gap="sm">
        <RestoredFormAlert restoredAt={journal.restoredAt} onDiscard={journal.discard} saveLabel="Verify" />
        <Input.Wrapper label="Method" labelElement="div">
          <SegmentedControl
            mt={4}
            aria-label="Verification method"
            data={VERIFICATION_METHODS.map((m) => ({ value: m, label: VERIFICATION_METHOD_LABELS[m] }))}
            {...form.getInputProps('method')}
          />
        </Input.Wrapper>
        <Textarea
          label="Verification notes"
          description="What you checked and what showed the action worked"
          autosize
          minRows={3}
          {...form.getInputProps('notes')}
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput type="date" label="Verified on" withAsterisk {...form.getInputProps('verifiedOn')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="Verified by" withAsterisk {...form.getInputProps('verifiedBy')} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button type="submit" color="teal" leftSection={<IconCircleCheck size={16} />}>
            Verify
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
