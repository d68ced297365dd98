import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** WCAG 2.2 AA and axe's best practices: what the light theme is checked against. */
export const RULE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
/** Issue 19's bar: no critical or serious violation, and the page structure rules whatever their impact. */
const STRUCTURE = new Set([
  'landmark-one-main',
  'landmark-no-duplicate-main',
  'landmark-no-duplicate-banner',
  'heading-order',
  'bypass',
]);
export const blocks = (h: { rule: string; impact: string }) =>
  h.impact === 'critical' || h.impact === 'serious' || STRUCTURE.has(h.rule);

/** The violations of the page as it is now that fail the bar above, as "rule: first target". */
export async function blockingViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(RULE_TAGS)
    .analyze();
  return result.violations
    .filter((v) => blocks({ rule: v.id, impact: v.impact ?? '' }))
    .map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ') ?? ''}`);
}
