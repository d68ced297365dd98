import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useState, type FormEvent, type ReactNode } from 'react';
import { PASSPHRASE_MIN_LENGTH, passphraseWeakness } from '#shared/domain/security';
import type { FieldIssue } from '#shared/api/result';

/**
 * A new passphrase typed twice, checked as the backend checks it (strength, the same twice) before it is sent;
 * the backend's own refusal lands beside its field. The text lives only in this form's state.
 */
export function PassphraseForm({
  submitLabel,
  onSubmit,
  busy,
  extra,
}: {
  submitLabel: string;
  onSubmit: (v: { passphrase: string; confirm: string }) => Promise<FieldIssue[] | null>;
  busy: boolean;
  extra?: ReactNode;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string }>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const weak = passphraseWeakness(passphrase);
    if (weak) return setErrors({ passphrase: weak });
    if (confirm !== passphrase) return setErrors({ confirm: 'The two passphrases are not the same.' });
    setErrors({});
    const issues = await onSubmit({ passphrase, confirm });
    if (issues === null) {
      setPassphrase('');
      setConfirm('');
      return;
    }
    const at = (field: string) => issues.find((i) => i.path[0] === field)?.message;
    setErrors({
      ...(at('passphrase') ? { passphrase: at('passphrase') } : {}),
      ...(at('confirm') ? { confirm: at('confirm') } : {}),
    });
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="sm" maw={420}>
        <PasswordInput
          label="New passphrase"
          description={`At least ${PASSPHRASE_MIN_LENGTH} characters; a few unrelated words are easy to type and hard to guess.`}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          error={errors.passphrase}
          autoComplete="new-password"
          required
        />
        <PasswordInput
          label="Type it again"
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={errors.confirm}
          autoComplete="new-password"
          required
        />
        {extra}
        <Text size="xs" c="dimmed">
          Fieldwork cannot show it again or recover it. Write it down and keep it apart from this computer.
        </Text>
        <Group>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
