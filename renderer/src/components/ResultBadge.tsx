import { memo } from 'react';
import type { ItemResult } from '#shared/domain/checklist';
import classes from './ResultBadge.module.css';
import { RESULT_SHORT, resultLabel } from '../lib/checklistResults';

/**
 * The item's result as a badge. A plain span styled with Mantine's colour
 * variables rather than <Badge>: 120+ of these render at once, and the
 * component's style resolution was a measurable share of the screen's render.
 */
export const ResultBadge = memo(function ResultBadge({ result }: { result: ItemResult }) {
  return (
    <span className={classes.badge} data-result={result} title={resultLabel(result)}>
      {RESULT_SHORT[result]}
    </span>
  );
});
