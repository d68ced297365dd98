import { PasswordInput, Select, Text } from '@mantine/core';
import type { SigningIdentity, Unlock } from '#shared/domain/signing';
import { expiryOf, formatCertDate } from '../../lib/identity';

const same = (a: string, b: string) => a.trim().toLocaleLowerCase() === b.trim().toLocaleLowerCase();

/** The identity of the person exporting (a valid certificate before an expired one), else the only one there is. */
export function preselectIdentity(identities: SigningIdentity[], name: string): string | null {
  const mine = identities.filter((i) => same(i.name, name));
  const best = mine.find((i) => expiryOf(i) !== 'expired') ?? mine[0];
  return best?.id ?? (identities.length === 1 ? (identities[0]?.id ?? null) : null);
}

export const unlockFor = (identity: SigningIdentity, passphrase: string): Unlock =>
  identity.protection === 'os_keychain' ? { kind: 'os_keychain' } : { kind: 'passphrase', passphrase };

interface Props {
  identities: SigningIdentity[];
  identityId: string | null;
  onIdentity: (id: string | null) => void;
  passphrase: string;
  onPassphrase: (p: string) => void;
  identityError?: string | null;
  passphraseError?: string | null;
  disabled?: boolean;
}

/** Which signing identity signs the package, and its passphrase unless the OS keychain unlocks it. */
export function SignerFields(p: Props) {
  const identity = p.identities.find((i) => i.id === p.identityId);
  const options = p.identities.map((i) => ({
    value: i.id,
    label: `${i.name} (${[i.role, i.organisation].filter(Boolean).join(', ')})${expiryOf(i) === 'expired' ? ' · expired' : ''}`,
  }));
  return (
    <>
      <Select
        label="Signing identity"
        withAsterisk
        data={options}
        value={p.identityId}
        onChange={p.onIdentity}
        allowDeselect={false}
        description={
          identity
            ? `Your colleague sees this name and certificate when importing. Valid until ${formatCertDate(identity.notAfter)}.`
            : 'Your colleague sees this name and certificate when importing.'
        }
        error={p.identityError}
        disabled={p.disabled}
        data-autofocus
      />
      {identity?.protection === 'os_keychain' ? (
        <Text size="sm" c="dimmed">
          This key is unlocked by the OS keychain; no passphrase needed.
        </Text>
      ) : (
        <PasswordInput
          label="Passphrase"
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
