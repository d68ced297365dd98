import { ActionIcon, CopyButton, Group, Text, Tooltip } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A file's full SHA-256, as stored and as the report lists it, with a copy
 * button: whoever holds a copy of the file can check it is the one audited.
 */
export function Sha256({ value, size = 'xs' }: { value: string; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('evidence');
  return (
    <Group gap={4} wrap="nowrap" align="flex-start" data-sha256={value}>
      <Text size={size} ff="monospace" style={{ wordBreak: 'break-all' }} aria-label={t('sha.label', { value })}>
        {value}
      </Text>
      <CopyButton value={value}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('sha.copied') : t('sha.copy')} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'teal' : 'gray'}
              size="sm"
              aria-label={copied ? t('sha.copiedLabel') : t('sha.copy')}
              onClick={(event) => {
                event.stopPropagation();
                copy();
              }}
            >
              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
