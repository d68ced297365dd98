import { Alert, List, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

interface GapsOverrideProps {
  /** What the gaps keep from happening, e.g. "The audit is not complete". The count is added. */
  title: string;
  gaps: readonly string[];
  reasonLabel: string;
  reasonDescription: string;
  reason: string;
  onReason: (reason: string) => void;
  error?: string | null | undefined;
  disabled?: boolean;
  reasonRef?: Ref<HTMLTextAreaElement>;
  autoFocus?: boolean;
}

/**
 * The completeness gates' gaps (shared/rules/gates) and the typed reason that going ahead anyway needs: one
 * layout wherever the lead can override them (issuing the report, closing the audit).
 */
export function GapsOverride({ reasonRef, ...p }: GapsOverrideProps) {
  const { t } = useTranslation('components');
  return (
    <>
      <Alert
        color="yellow"
        icon={<IconAlertTriangle />}
        title={t('gaps.title', { title: p.title, count: p.gaps.length })}
        role="alert"
      >
        <List size="sm" spacing={4}>
          {p.gaps.map((g) => (
            <List.Item key={g}>{g}</List.Item>
          ))}
        </List>
      </Alert>
      <Textarea
        label={p.reasonLabel}
        description={p.reasonDescription}
        withAsterisk
        autosize
        minRows={2}
        value={p.reason}
        onChange={(e) => p.onReason(e.currentTarget.value)}
        error={p.error}
        disabled={p.disabled}
        ref={reasonRef}
        data-autofocus={p.autoFocus || undefined}
      />
    </>
  );
}
