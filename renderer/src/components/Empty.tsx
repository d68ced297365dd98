import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyProps {
  title: string;
  description: ReactNode;
  icon: ReactNode;
  /** Buttons that say what to do next. */
  actions?: ReactNode;
  variant?: 'light' | 'filled';
  mt?: string;
}

/** Mantine's EmptyState with a real heading, so screen readers can jump to it. */
export function Empty({ title, description, icon, actions, variant, mt }: EmptyProps) {
  return (
    <EmptyState icon={icon} variant={variant} withIndicatorBackground={!variant} mt={mt}>
      <EmptyState.Title order={3}>{title}</EmptyState.Title>
      <EmptyState.Description>{description}</EmptyState.Description>
      {actions && <EmptyState.Actions>{actions}</EmptyState.Actions>}
    </EmptyState>
  );
}
