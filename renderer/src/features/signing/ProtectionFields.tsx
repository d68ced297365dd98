import { PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN, type NewKeyProtection } from '#shared/domain/signing';
import { i18n } from '../../i18n/instance';
import { keychainAvailable } from '../../lib/identity';

export interface ProtectionValues {
  kind: 'passphrase' | 'os_keychain';
  passphrase: string;
  confirm: string;
}

export const initialProtection = (): ProtectionValues => ({
  kind: keychainAvailable() ? 'os_keychain' : 'passphrase',
  passphrase: '',
  confirm: '',
});

export type ProtectionErrors = Partial<Record<'passphrase' | 'confirm', string>>;

/** Checks the passphrase pair here, so a typo never locks the key away; null when fine. */
export function checkProtection(v: ProtectionValues): ProtectionErrors | null {
  if (v.kind !== 'passphrase') return null;
  const errors: ProtectionErrors = {};
  if (v.passphrase.length < PASSPHRASE_MIN)
    errors.passphrase = i18n.t('signing:protection.tooShort', { min: PASSPHRASE_MIN });
  else if (v.confirm !== v.passphrase) errors.confirm = i18n.t('signing:protection.differ');
  return Object.keys(errors).length ? errors : null;
}

export const toProtection = (v: ProtectionValues): NewKeyProtection =>
  v.kind === 'os_keychain' ? { kind: 'os_keychain' } : { kind: 'passphrase', passphrase: v.passphrase };

interface Props {
  value: ProtectionValues;
  onChange: (v: ProtectionValues) => void;
  errors: ProtectionErrors;
}

/** How the private key is kept: OS keychain (desktop only) or a passphrase typed twice. */
export function ProtectionFields({ value, onChange, errors }: Props) {
  const { t } = useTranslation('signing');
  const desktop = keychainAvailable();
  return (
    <Stack gap="sm">
      {desktop && (
        <div>
          <Text size="sm" fw={500} mb={4} id="protection-label">
            {t('protection.label')}
          </Text>
          <SegmentedControl
            aria-labelledby="protection-label"
            value={value.kind}
            onChange={(kind) => onChange({ ...value, kind: kind })}
            data={[
              { value: 'os_keychain', label: t('protection.keychain') },
              { value: 'passphrase', label: t('protection.passphrase') },
            ]}
          />
        </div>
      )}
      {value.kind === 'os_keychain' ? (
        <Text size="sm" c="dimmed">
          {t('protection.keychainHint')}
        </Text>
      ) : (
        <>
          <PasswordInput
            label={t('protection.passphrase')}
            withAsterisk
            description={t('protection.passphraseHint', { min: PASSPHRASE_MIN })}
            value={value.passphrase}
            onChange={(e) => onChange({ ...value, passphrase: e.currentTarget.value })}
            error={errors.passphrase}
            autoComplete="new-password"
          />
          <PasswordInput
            label={t('protection.confirm')}
            withAsterisk
            value={value.confirm}
            onChange={(e) => onChange({ ...value, confirm: e.currentTarget.value })}
            error={errors.confirm}
            autoComplete="new-password"
          />
        </>
      )}
    </Stack>
  );
}
