import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditStatus } from '#shared/domain/audit';

export const AUDIT_STATUS_COLORS: Record<AuditStatus, string> = {
  planned: 'blue',
  in_progress: 'orange',
  reporting: 'violet',
  closed: 'gray',
};

export function AuditStatusBadge({ status, size = 'md' }: { status: AuditStatus; size?: 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation('labels');
  return (
    <Badge color={AUDIT_STATUS_COLORS[status]} variant="light" size={size}>
      {t(`auditStatus.${status}`)}
    </Badge>
  );
}
