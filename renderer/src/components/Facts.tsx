import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Label/value pairs as a description list; empty values read as a dash. */
export function Facts({
  items,
  labelWidth = 130,
}: {
  items: [label: string, value: ReactNode][];
  labelWidth?: number;
}) {
  return (
    <DataList labelWidth={labelWidth} withDivider gap="xs">
      {items.map(([label, value]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>
            <Text size="sm" c="dimmed">
              {label}
            </Text>
          </DataList.ItemLabel>
          <DataList.ItemValue>
            {value === '' || value == null ? (
              <Text span c="dimmed">
                —
              </Text>
            ) : (
              value
            )}
          </DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}

/**
 * Long free text as the auditor typed it, line breaks kept. `translate="no"`: the user's own words, in their
 * language whatever the UI's (browsers' page translators leave it alone, and the i18n e2e skips it).
 */
export function LongText({ children, empty }: { children: string; empty?: string }) {
  const { t } = useTranslation('common');
  return children.trim() ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} translate="no">
      {children}
    </Text>
  ) : (
    <Text size="sm" c="dimmed" fs="italic">
      {empty ?? t('notRecorded')}
    </Text>
  );
}
