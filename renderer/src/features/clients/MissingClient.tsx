import { Button, Card } from '@mantine/core';
import { IconBuildingOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import { Empty } from '../../components/Empty';
import { href } from '../../lib/router';

/**
 * The address names no client: one that was deleted (not_found) or an id Fieldwork never gave (refused as
 * input). Either way the user followed a link or typed an address; say so in words and offer the list.
 */
export const isMissingClient = (error: ApiError): boolean =>
  error.code === 'not_found' ||
  (error.code === 'invalid_input' && (error.issues ?? []).some((i) => i.path[0] === 'id'));

export function MissingClient() {
  const { t } = useTranslation('clients');
  return (
    <Card py={48}>
      <Empty
        title={t('missing.title')}
        description={t('missing.description')}
        icon={<IconBuildingOff />}
        variant="light"
        actions={
          <Button component="a" href={href('/clients')}>
            {t('missing.open')}
          </Button>
        }
      />
    </Card>
  );
}
