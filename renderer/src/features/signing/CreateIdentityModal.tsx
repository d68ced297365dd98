import { Modal, NumberInput, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '#shared/api/result';
import { KEY_ALGORITHMS } from '#shared/domain/signing';

type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];
const KEY_LABELS: Record<KeyAlgorithm, string> = {
  'rsa-3072': 'RSA 3072 (every Word version verifies it)',
  'ecdsa-p256': 'ECDSA P-256 (smaller, quicker to create)',
};
import { useWriteOp } from '../../api/ops';
import { RestoredFormAlert, useFormJournal } from '../../lib/drafts';
import { IdentityModalFooter } from './IdentityModalFooter';
import { issuesToErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { checkProtection, initialProtection, toProtection, type ProtectionErrors } from './ProtectionFields';

interface Props {
  opened: boolean;
  onClose: () => void;
}

const blank = () => ({
  keyAlgorithm: 'rsa-3072' as KeyAlgorithm,
  name: '',
  email: '',
  role: 'Lead auditor',
  organisation: '',
  validityDays: 1095 as number | string,
});

/** A new key pair with a self-issued certificate, made on this computer. */
export function CreateIdentityModal({ opened, onClose }: Props) {
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
    notifySuccess(`Signing identity for ${result.value.name} created`);
    reset();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Create signing identity" centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <RestoredFormAlert restoredAt={journal.restoredAt} onDiscard={journal.discard} saveLabel="Create identity" />
          <TextInput
            label="Name"
            withAsterisk
            description="As it should appear in the sign-off block, e.g. the lead auditor's full name."
            data-autofocus
            {...field('name')}
            onChange={(e) => setValues({ ...values, name: e.currentTarget.value })}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="E-mail"
              type="email"
              {...field('email')}
              onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
            />
            <TextInput
              label="Role"
              {...field('role')}
              onChange={(e) => setValues({ ...values, role: e.currentTarget.value })}
            />
            <TextInput
              label="Organisation"
              description="Usually the certification body."
              {...field('organisation')}
              onChange={(e) => setValues({ ...values, organisation: e.currentTarget.value })}
            />
            <NumberInput
              label="Valid for (days)"
              description="1095 days is three years, one certification cycle."
              min={1}
              max={3650}
              {...field('validityDays')}
              onChange={(v) => setValues({ ...values, validityDays: v })}
            />
          </SimpleGrid>
          <Select
            label="Key type"
            data={KEY_ALGORITHMS.map((k) => ({ value: k, label: KEY_LABELS[k] }))}
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
            refusedTitle="Not created"
            submitLabel="Create identity"
            pending={create.pending}
            onCancel={close}
          />
        </Stack>
      </form>
    </Modal>
  );
}
