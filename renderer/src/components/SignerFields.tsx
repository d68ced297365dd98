import { PasswordInput, Select, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SigningIdentity } from '#shared/domain/signing';
import { expiryOf } from '../lib/identity';

interface Props {
  identities: SigningIdentity[];
  identityId: string | null;
  onIdentity: (id: string | null) => void;
  passphrase: string;
  onPassphrase: (p: string) => void;
  /** Under the identity: what signing means here (who sees it, whose identity is expected). */
  description: (identity: SigningIdentity | undefined) => string | undefined;
  identityError?: string | null;
  passphraseError?: string | null;
  disabled?: boolean;
}

/** Which signing identity signs, and its passphrase unless the OS keychain unlocks it (issuing a report, sending a team package). */
export function SignerFields(p: Props) {
  const { t } = useTranslation('components');
  const identity = p.identities.find((i) => i.id === p.identityId);
  const options = p.identities.map((i) => ({
    value: i.id,
    // The organisation tells apart two identities of one person (e.g. a new certificate next to an old one).
    label: t(expiryOf(i) === 'expired' ? 'signer.optionExpired' : 'signer.option', {
      name: i.name,
      details: [i.role, i.organisation].filter(Boolean).join(', '),
    }),
  }));
  return (
    <>
      <Select
        label={t('signer.identity')}
        withAsterisk
        data={options}
        value={p.identityId}
        onChange={p.onIdentity}
        allowDeselect={false}
        description={p.description(identity)}
        error={p.identityError}
        disabled={p.disabled}
        data-autofocus
      />
      {identity?.protection === 'os_keychain' ? (
        <Text size="sm" c="dimmed">
          {t('signer.keychain')}
        </Text>
      ) : (
        <PasswordInput
          label={t('signer.passphrase')}
          withAsterisk
          value={p.passphrase}
          onChange={(e) => p.onPassphrase(e.currentTarget.value)}
          error={p.passphraseError}
          autoComplete="off"
          disabled={p.disabled}
        />
      )}
    </>
  );
}
