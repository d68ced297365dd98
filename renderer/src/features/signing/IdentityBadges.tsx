import { Badge, Group } from '@mantine/core';
import type { SigningIdentity } from '#shared/domain/signing';
import { expiryOf } from '../../lib/identity';

/** Expiry, origin and key protection of one identity at a glance. */
export function IdentityBadges({ identity }: { identity: SigningIdentity }) {
  const expiry = expiryOf(identity);
  return (
    <Group gap={4}>
      {expiry === 'expired' && <Badge color="red">Expired</Badge>}
      {expiry === 'soon' && <Badge color="yellow">Expires in &lt; 30 days</Badge>}
      <Badge variant="light" color="gray">
        {identity.selfIssued ? 'Self-issued' : 'Imported'}
      </Badge>
      <Badge variant="outline" color="gray">
        {identity.protection === 'os_keychain' ? 'OS keychain' : 'Passphrase'}
      </Badge>
    </Group>
  );
}
