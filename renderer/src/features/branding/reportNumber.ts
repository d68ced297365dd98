import { REPORT_NUMBER_TOKENS } from '#shared/domain/branding';
import { i18n } from '../../i18n/instance';

/** What each placeholder stands for, for the form's help text: "{year} year of issue · {seq} running number …". */
export const tokenHelp = (): string =>
  REPORT_NUMBER_TOKENS.map((token) =>
    i18n.t('branding:page.token', { token, help: i18n.t(`branding:tokenHelp.${token.slice(1, -1)}`) }),
  ).join(' · ');

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
