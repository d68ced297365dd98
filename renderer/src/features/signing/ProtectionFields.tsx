import { PasswordInput, SegmentedControl, Stack, Text } from '@mantine/core';
import { PASSPHRASE_MIN, type NewKeyProtection } from '#shared/domain/signing';
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
    errors.passphrase = `The passphrase needs at least ${PASSPHRASE_MIN} characters`;
  else if (v.confirm !== v.passphrase) errors.confirm = 'The two passphrases differ';
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
  const desktop = keychainAvailable();
  return (
    <Stack gap="sm">
      {desktop && (
        <div>
          <Text size="sm" fw={500} mb={4} id="protection-label">
            Key protection
          </Text>
          <SegmentedControl
            aria-labelledby="protection-label"
            value={value.kind}
            onChange={(kind) => onChange({ ...value, kind: kind })}
            data={[
              { value: 'os_keychain', label: 'OS keychain' },
              { value: 'passphrase', label: 'Passphrase' },
            ]}
          />
        </div>
      )}
      {value.kind === 'os_keychain' ? (
        <Text size="sm" c="dimmed">
          The key is unlocked by your computer account: no passphrase to type when signing, but it only works on this
          computer.
        </Text>
      ) : (
        <>
          <PasswordInput
            label="Passphrase"
            withAsterisk
            description={`At least ${PASSPHRASE_MIN} characters. Asked every time you sign; it cannot be recovered.`}
            value={value.passphrase}
            onChange={(e) => onChange({ ...value, passphrase: e.currentTarget.value })}
            error={errors.passphrase}
            autoComplete="new-password"
          />
          <PasswordInput
            label="Confirm passphrase"
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
