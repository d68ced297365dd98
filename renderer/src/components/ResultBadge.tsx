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
  return (
    <span className={classes.badge} data-result={result} title={t(`labels:result.${result}`)}>
      {t(`resultShort.${result}`)}
    </span>
  );
});
