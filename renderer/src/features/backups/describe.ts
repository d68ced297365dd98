import type { BackupSummary } from '#shared/domain/backup';
import { plural } from '../../lib/format';

export const REASON_LABELS: Record<BackupSummary['reason'], string> = {
  manual: 'Made by you',
  daily: 'Daily',
  migration: 'Before an update',
  import: 'Before a package import',
};

export function sizeText(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  return `${Math.max(1, Math.ceil(bytes / 1024))} KB`;
}

/** "3 clients, 12 audits, 40 findings, 215 evidence files (1.2 GB), 4 issued reports" */
export function holds(b: BackupSummary): string {
  const c = b.counts;
  return [
    plural(c.clients, 'client'),
    plural(c.audits, 'audit'),
    plural(c.findings, 'finding'),
    `${plural(c.evidenceFiles, 'evidence file')}${c.evidenceFiles > 0 ? ` (${sizeText(c.evidenceBytes)})` : ''}`,
    plural(c.reports, 'issued report'),
  ].join(', ');
}
