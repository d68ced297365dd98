import { REPORT_NUMBER_TOKENS } from '#shared/domain/branding';

/** What each placeholder stands for, for the form's help text. */
export const TOKEN_HELP: Record<(typeof REPORT_NUMBER_TOKENS)[number], string> = {
  '{year}': 'year of issue',
  '{seq}': 'running number (required)',
  '{type}': 'audit type',
  '{client}': 'client short name',
};

/**
 * An illustration of a pattern with sample values. Only to show the shape:
 * the backend numbers real reports.
 */
export function reportNumberExample(pattern: string, now = new Date()): string {
  const sample: Record<string, string> = {
    '{year}': String(now.getFullYear()),
    '{seq}': '0042',
    '{type}': 'S1',
    '{client}': 'ACME',
  };
  return pattern.replace(/\{[^}]*\}/g, (token) => sample[token] ?? token);
}
