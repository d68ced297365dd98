import { Card, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card: one section of a detail or form page. */
export function Block({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <Card>
      {title && (
        <Title order={3} size="h5" mb="sm">
          {title}
        </Title>
      )}
      {children}
    </Card>
  );
}
