import type { Catalogue } from '../catalogue';
import type { reportEn } from './en';

/** The fixed wording of the audit report, the NC list and the audit plan in French. */
export const reportFr: Catalogue<typeof reportEn> = {
  title: "Rapport d'audit",
};
