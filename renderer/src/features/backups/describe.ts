import type { BackupSummary } from '#shared/domain/backup';
import { i18n } from '../../i18n/instance';
import { formatLocale } from '../../i18n/locale';

export const reasonLabel = (reason: BackupSummary['reason']): string => i18n.t(`backups:reason.${reason}`);

/** "1.2 GB" in English, "1,2 GB" in German: one decimal, in the UI language's way of writing it. */
export function sizeText(bytes: number): string {
  const oneDecimal = (n: number) =>
    new Intl.NumberFormat(formatLocale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(n);
  if (bytes >= 1024 ** 3) return i18n.t('backups:size.gb', { size: oneDecimal(bytes / 1024 ** 3) });
  if (bytes >= 1024 ** 2) return i18n.t('backups:size.mb', { size: oneDecimal(bytes / 1024 ** 2) });
  return i18n.t('backups:size.kb', { size: Math.max(1, Math.ceil(bytes / 1024)) });
}

/** "3 clients, 12 audits, 40 findings, 215 evidence files (1.2 GB), 4 issued reports" */
export function holds(b: BackupSummary): string {
  const c = b.counts;
  const t = (key: string, params: Record<string, unknown>) => i18n.t(`backups:holds.${key}`, params);
  return t('all', {
    clients: t('clients', { count: c.clients }),
    audits: t('audits', { count: c.audits }),
    findings: t('findings', { count: c.findings }),
    evidence:
      c.evidenceFiles > 0
        ? t('evidenceSized', { count: c.evidenceFiles, size: sizeText(c.evidenceBytes) })
        : t('evidence', { count: c.evidenceFiles }),
    reports: t('reports', { count: c.reports }),
  });
}

/** The backend names a job's step in English (electron/core/backup): the known ones in the UI language. */
const STAGES: Record<string, string> = {
  Waiting: 'waiting',
  Database: 'database',
  Files: 'files',
  Done: 'done',
  'Checking and unpacking': 'unpacking',
};
export const stageText = (stage: string): string =>
  STAGES[stage] ? i18n.t(`backups:job.stage.${STAGES[stage]}`) : stage;
