import { Alert, Button, Card, Center, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import { errorText } from '../i18n/errorText';

/** A page that could not load: the server's own words, and a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const { t } = useTranslation('common');
  const title = error.code === 'not_found' ? t('notFound') : t('couldNotLoad');
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle />} role="alert">
      <Stack gap="sm" align="flex-start">
        {errorText(error)}
        {error.code === 'unauthorized' && <Text size="sm">{t('serveToken')}</Text>}
        {onRetry && error.code !== 'not_found' && (
          <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
            {t('tryAgain')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function PageLoader() {
  const { t } = useTranslation('common');
  return (
    <Center py="xl" aria-busy="true" aria-label={t('loading')}>
      <Loader type="dots" />
    </Center>
  );
}

export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  const { t } = useTranslation('common');
  return (
    <Card aria-busy="true" aria-label={t('loading')}>
      <Stack gap="sm">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height={28} radius="sm" />
        ))}
      </Stack>
    </Card>
  );
}
