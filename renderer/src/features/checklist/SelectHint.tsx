import { Text } from '@mantine/core';
import { IconPointer } from '@tabler/icons-react';
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The editor panel's text until an item is selected. Its one bold part (`<b>?</b>` in the catalogue) is split out
 * here rather than by react-i18next's <Trans>, which parses the string as markup on each render: it was a tenth of
 * the checklist's first render, for one sentence.
 */
export const SelectHint = memo(function SelectHint() {
  const { t } = useTranslation('checklist');
  return (
    <Text size="sm" c="dimmed">
      <IconPointer size={14} aria-hidden /> {withBold(t('list.selectHint'))}
    </Text>
  );
});

/** "a <b>b</b> c" → ["a ", <b>b</b>, " c"]; any other markup stays as text (React escapes it). */
export function withBold(text: string): ReactNode[] {
  return text.split(/<b>(.*?)<\/b>/).map((part, i) => (i % 2 === 1 ? <b key={i}>{part}</b> : part));
}
