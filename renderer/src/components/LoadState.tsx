import { Alert, Button, Card, Center, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';
import type { ApiError } from '#shared/api/result';

/** A page that could not load: the server's own words, and a way to try again. */
export function LoadError({ error, onRetry }: { error: ApiError; onRetry?: () => void }) {
  const title = error.code === 'not_found' ? 'Not found' : 'Could not load this page';
  return (
    <Alert color="red" variant="light" title={title} icon={<IconAlertTriangle />} role="alert">
      <Stack gap="sm" align="flex-start">
        {error.message}
        {error.code === 'unauthorized' && (
          <Text size="sm">Open the full address that `fieldwork serve` printed, including its token.</Text>
        )}
        {onRetry && error.code !== 'not_found' && (
          <Button size="xs" variant="white" color="red" leftSection={<IconRefresh size={14} />} onClick={onRetry}>
            Try again
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

export function PageLoader() {
  return (
    <Center py="xl" aria-busy="true" aria-label="Loading">
      <Loader type="dots" />
    </Center>
  );
}

export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  return (
    <Card aria-busy="true" aria-label="Loading">
      <Stack gap="sm">
        {Array.from({ length: rows }, (_, i) => (
          <Skeleton key={i} height={28} radius="sm" />
        ))}
      </Stack>
    </Card>
  );
}
