import { DataList, Text } from '@mantine/core';
import type { ReactNode } from 'react';

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

/** Long free text as the auditor typed it, line breaks kept. */
export function LongText({ children, empty = 'Not recorded' }: { children: string; empty?: string }) {
  return children.trim() ? (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {children}
    </Text>
  ) : (
    <Text size="sm" c="dimmed" fs="italic">
      {empty}
    </Text>
  );
}
