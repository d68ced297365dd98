/** The fixed wording of the audit report, the NC list and the audit plan in English (the source). */
export const reportEn = {
  title: 'Audit report',
} as const;
