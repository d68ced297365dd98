import { Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_DISTINCT, PASSPHRASE_MIN_LENGTH, passphraseWeakness } from '#shared/domain/security';
import type { FieldIssue } from '#shared/api/result';

/**
 * The shared rule decides whether a passphrase is too weak (the backend applies the same); its English sentence is
 * shown in the UI language by which of the rule's floors the passphrase misses.
 */
function weaknessText(passphrase: string, t: TFunction<'security'>): string | null {
  const weak = passphraseWeakness(passphrase);
  if (weak === null) return null;
  if (passphrase.trim() === '') return t('passphrase.empty');
  if ([...passphrase].length < PASSPHRASE_MIN_LENGTH) return t('passphrase.tooShort', { min: PASSPHRASE_MIN_LENGTH });
  if (new Set(passphrase).size < PASSPHRASE_MIN_DISTINCT)
    return t('passphrase.tooFewDistinct', { min: PASSPHRASE_MIN_DISTINCT });
  return weak;
}

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
  const { t } = useTranslation('security');
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string }>({});

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const weak = weaknessText(passphrase, t);
    if (weak) return setErrors({ passphrase: weak });
    if (confirm !== passphrase) return setErrors({ confirm: t('passphrase.notSame') });
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
          label={t('passphrase.new')}
          description={t('passphrase.newHint', { min: PASSPHRASE_MIN_LENGTH })}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          error={errors.passphrase}
          autoComplete="new-password"
          required
        />
        <PasswordInput
          label={t('passphrase.again')}
          value={confirm}
          onChange={(e) => setConfirm(e.currentTarget.value)}
          error={errors.confirm}
          autoComplete="new-password"
          required
        />
        {extra}
        <Text size="xs" c="dimmed">
          {t('passphrase.keepIt')}
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
