import { Card } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { ChecklistWorkspace } from './ChecklistWorkspace';
import { useChecklist } from './useChecklist';

/** The Checklist tab of an audit: loads it, then hands over to the workspace. */
export function ChecklistScreen({ audit }: { audit: Audit }) {
  const state = useChecklist(audit.id);
  const { checklist, error } = state;

  if (!checklist && error?.code === 'not_found') return <NoChecklist />;
  if (!checklist && error) return <LoadError error={error} onRetry={state.reload} />;
  if (!checklist) return <TableSkeleton rows={8} />;
  if (checklist.items.length === 0) return <NoChecklist />;
  return <ChecklistWorkspace audit={audit} checklist={checklist} state={state} />;
}

function NoChecklist() {
  const { t } = useTranslation('checklist');
  return (
    <Card py={48}>
      <Empty
        title={t('noChecklist.title')}
        description={t('noChecklist.description')}
        icon={<IconListCheck />}
        variant="light"
      />
    </Card>
  );
}
