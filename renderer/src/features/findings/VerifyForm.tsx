import { Button, Grid, Group, SegmentedControl, Input, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { IconCircleCheck } from '@tabler/icons-react';
import { VERIFICATION_METHODS, type VerificationMethod } from '#shared/domain/finding';
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
  const { t } = useTranslation('findings');
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
    if (!v.verifiedBy.trim()) return form.setFieldError('verifiedBy', t('verify.whoVerified'));
    void act(
      t('verify.failed'),
      (write) => write('findings.verify', { id: findingId, verification: { ...v, auditId }, by }),
      t('verify.done'),
    ).then((error) => {
      if (error?.issues) form.setErrors(issuesToErrors(error.issues, 'verification'));
      if (!error) void journal.clear();
    });
  });
  return (
    <form onSubmit={submit} noValidate aria-label={t('verify.label')}>
      <Stack gap="sm">
        <RestoredFormAlert restoredAt={journal.restoredAt} onDiscard={journal.discard} saveLabel={t('verify.submit')} />
        <Input.Wrapper label={t('verify.method')} labelElement="div">
          <SegmentedControl
            mt={4}
            aria-label={t('verify.methodLabel')}
            data={VERIFICATION_METHODS.map((m) => ({ value: m, label: t(`labels:verificationMethod.${m}`) }))}
            {...form.getInputProps('method')}
          />
        </Input.Wrapper>
        <Textarea
          label={t('verify.notes')}
          description={t('verify.notesHint')}
          autosize
          minRows={3}
          {...form.getInputProps('notes')}
        />
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput type="date" label={t('verify.on')} withAsterisk {...form.getInputProps('verifiedOn')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label={t('verify.by')} withAsterisk {...form.getInputProps('verifiedBy')} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button type="submit" color="teal" leftSection={<IconCircleCheck size={16} />}>
            {t('verify.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
