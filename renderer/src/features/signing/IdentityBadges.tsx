import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SigningIdentity } from '#shared/domain/signing';
import { expiryOf } from '../../lib/identity';

/** Expiry, origin and key protection of one identity at a glance. */
export function IdentityBadges({ identity }: { identity: SigningIdentity }) {
  const { t } = useTranslation('signing');
  const expiry = expiryOf(identity);
  return (
    <Group gap={4}>
      {expiry === 'expired' && <Badge color="red">{t('badge.expired')}</Badge>}
      {expiry === 'soon' && <Badge color="yellow">{t('badge.expiresSoon')}</Badge>}
      <Badge variant="light" color="gray">
        {identity.selfIssued ? t('badge.selfIssued') : t('badge.imported')}
      </Badge>
      <Badge variant="outline" color="gray">
        {identity.protection === 'os_keychain' ? t('badge.keychain') : t('badge.passphrase')}
      </Badge>
    </Group>
  );
}
