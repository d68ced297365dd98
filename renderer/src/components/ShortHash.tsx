import { ActionIcon, Code, CopyButton, Group, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A long hash shown by its first characters, with a button that copies all of
 * it (to compare with what a colleague reads out, or paste into a message).
 */
export function ShortHash({ value, label = 'SHA-256', chars = 12 }: { value: string; label?: string; chars?: number }) {
  const { t } = useTranslation('components');
  const short = value.length > chars ? `${value.slice(0, chars)}…` : value;
  return (
    <Group gap={4} wrap="nowrap">
      <Code title={value}>{short}</Code>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('hash.copied') : t('hash.copyFull', { label })} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              onClick={copy}
              // The start names it among others; all 64 characters would be a long thing to hear.
              aria-label={t('hash.copyShort', { label, short })}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
