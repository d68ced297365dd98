import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemResult } from '#shared/domain/checklist';
import classes from './ResultBadge.module.css';

/**
 * The item's result as a badge. A plain span styled with Mantine's colour
 * variables rather than <Badge>: 120+ of these render at once, and the
 * component's style resolution was a measurable share of the screen's render.
 */
export const ResultBadge = memo(function ResultBadge({ result }: { result: ItemResult }) {
  const { t } = useTranslation('checklist');
  return <ResultBadgeOf result={result} word={t(`labels:result.${result}`)} short={t(`resultShort.${result}`)} />;
});

/**
 * The same badge with its words given: a list of many (the checklist's rows)
 * looks them up once per language rather than once per badge.
 */
export function ResultBadgeOf({ result, word, short }: { result: ItemResult; word: string; short: string }) {
  return (
    <span className={classes.badge} data-result={result} title={word}>
      {short}
    </span>
  );
}
