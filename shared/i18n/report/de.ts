import type { Catalogue } from '../catalogue';
import type { reportEn } from './en';

/** The fixed wording of the audit report, the NC list and the audit plan in German. */
export const reportDe: Catalogue<typeof reportEn> = {
  title: 'Auditbericht',
};
