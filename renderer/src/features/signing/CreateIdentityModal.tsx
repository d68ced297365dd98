import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import { KEY_ALGORITHMS } from '#shared/domain/signing';
import { i18n } from '../../i18n/instance';
import { useWriteOp } from '../../api/ops';
import { RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { IdentityModalFooter } from './IdentityModalFooter';
import { issuesToErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { checkProtection, initialProtection, toProtection, type ProtectionErrors } from './ProtectionFields';

type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];
/** Each key type's catalogue entry (signing:create.*). */
const KEY_LABELS: Record<KeyAlgorithm, 'rsa' | 'ecdsa'> = { 'rsa-3072': 'rsa', 'ecdsa-p256': 'ecdsa' };

interface Props {
  opened: boolean;
  onClose: () => void;
}

const blank = () => ({
  keyAlgorithm: 'rsa-3072' as KeyAlgorithm,
  name: '',
  email: '',
  // A suggestion the user may change; stored as typed, in the language the form was filled in.
  role: i18n.t('signing:create.defaultRole'),
  organisation: '',
  validityDays: 1095 as number | string,
});

/** A new key pair with a self-issued certificate, made on this computer. */
export function CreateIdentityModal({ opened, onClose }: Props) {
  const { t } = useTranslation('signing');
  // Name, e-mail, role, organisation are journaled (issue 19, defect 1); the passphrase never is (its own state).
  const form = useForm({ mode: 'controlled', initialValues: blank() });
  const journal = useFormJournal(form, { recordType: 'signing_identity', recordId: 'new', auditId: '' });
  const values = form.values;
  const setValues = form.setValues;
  const [protection, setProtection] = useState(initialProtection);
  const [localErrors, setLocalErrors] = useState<ProtectionErrors>({});
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const create = useWriteOp('signing.create');
  const errors = issuesToErrors(refusal?.issues);
  const field = (k: Exclude<keyof ReturnType<typeof blank>, 'keyAlgorithm'>) => ({
    value: values[k],
    error: errors[k],
  });

  const reset = () => {
    setValues(blank());
    setProtection(initialProtection());
    setLocalErrors({});
    setRefusal(null);
  };
  const close = () => {
    reset();
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems = checkProtection(protection);
    setLocalErrors(problems ?? {});
    if (problems) return;
    const result = await create.mutate({
      ...values,
      validityDays: Number(values.validityDays),
      protection: toProtection(protection),
    });
    if (!result.ok) return setRefusal(result.error);
    await journal.clear();
    notifySuccess(t('create.created', { name: result.value.name }));
    reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('create.title')} centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <RestoredFormAlert
            restoredAt={journal.restoredAt}
            onDiscard={journal.discard}
            saveLabel={t('create.submit')}
          />
          <TextInput
            label={t('create.name')}
            withAsterisk
            description={t('create.nameHint')}
            data-autofocus
            {...field('name')}
            onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('create.email')}
              type="email"
              {...field('email')}
              onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
            />
            <TextInput
              label={t('create.role')}
              {...field('role')}
              onChange={(e) => setValues({ ...values, role: e.currentTarget.value })}
            />
            <TextInput
              label={t('create.organisation')}
              description={t('create.organisationHint')}
              {...field('organisation')}
              onChange={(e) => setValues({ ...values, organisation: e.currentTarget.value })}
            />
            <NumberInput
              label={t('create.validity')}
              description={t('create.validityHint')}
              min={1}
              max={3650}
              {...field('validityDays')}
              onChange={(v) => setValues({ ...values, validityDays: v })}
            />
          </SimpleGrid>
          <Select
            label={t('create.keyType')}
            data={KEY_ALGORITHMS.map((k) => ({ value: k, label: t(`create.${KEY_LABELS[k]}`) }))}
            value={values.keyAlgorithm}
            onChange={(v) => v && setValues({ ...values, keyAlgorithm: v })}
            allowDeselect={false}
            error={errors.keyAlgorithm}
          />
          <IdentityModalFooter
            protection={protection}
            onProtection={setProtection}
            localErrors={localErrors}
            fieldErrors={errors}
            refusal={refusal}
            refusedTitle={t('create.refused')}
            submitLabel={t('create.submit')}
            pending={create.pending}
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
