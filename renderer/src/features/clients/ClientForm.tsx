import { Button, Grid, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Result } from '#shared/api/result';
import type { Client, ClientInput } from '#shared/domain/client';
import { RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { href } from '../../lib/router';
import { Block } from '../../components/Block';
import { issuesToErrors } from '../../lib/formErrors';
import { notifyError } from '../../lib/notify';
import { validateClient, valuesToInput, type ClientFormValues } from './clientFormValues';
import { ContactsEditor } from './ContactsEditor';
import { SitesEditor } from './SitesEditor';

interface ClientFormProps {
  initialValues: ClientFormValues;
  submitLabel: string;
  cancelTo: string;
  issuePrefix?: string;
  onSubmit: (input: ClientInput) => Promise<Result<Client>>;
  onSaved: (client: Client) => void;
  /** The client's id, or newRecordId('client') while adding: the journal key of what is typed. */
  journalId: string;
}

export function ClientForm(props: ClientFormProps) {
  const { initialValues, submitLabel, cancelTo, issuePrefix, onSubmit, onSaved } = props;
  const { t } = useTranslation('clients');
  const form = useForm<ClientFormValues>({ mode: 'controlled', initialValues });
  const journal = useFormJournal(form, { recordType: 'client', recordId: props.journalId, auditId: '' });
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const errors = validateClient(form.values);
    form.setErrors(errors);
    if (Object.keys(errors).length > 0) {
      requestAnimationFrame(() => document.querySelector<HTMLElement>('form [aria-invalid="true"]')?.focus());
      return;
    }
    setSaving(true);
    const result = await onSubmit(valuesToInput(form.values)).finally(() => setSaving(false));
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
        <Block title={t('form.organisation')}>
          <Grid>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput label={t('form.name')} withAsterisk {...form.getInputProps('name')} />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label={t('form.representative')}
                description={t('form.representativeHint')}
                {...form.getInputProps('representative')}
              />
            </Grid.Col>
            <Grid.Col span={12}>
              <Textarea label={t('form.address')} autosize minRows={2} maxRows={5} {...form.getInputProps('address')} />
            </Grid.Col>
          </Grid>
        </Block>
        <Block title={t('form.sites')}>
          <SitesEditor form={form} />
        </Block>
        <Block title={t('form.contacts')}>
          <ContactsEditor form={form} />
        </Block>
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
