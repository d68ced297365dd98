import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import { useWriteOp } from '../../api/ops';
import { GapsOverride } from '../../components/GapsOverride';
import { useActor } from '../../lib/useActor';
import { notifyError, notifySuccess } from '../../lib/notify';

interface CloseAuditProps {
  audit: Audit;
  opened: boolean;
  onClose: () => void;
}

/**
 * Closing an audit: the backend checks the completeness gates
 * (shared/rules/gates). When it lists gaps, they are shown here and closing
 * anyway needs a typed reason, which the audit trail keeps.
 */
export function CloseAuditModal({ audit, opened, onClose }: CloseAuditProps) {
  const { t } = useTranslation('report');
  const setStatus = useWriteOp('audits.setStatus');
  const by = useActor(audit);
  const [gaps, setGaps] = useState<string[] | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  const close = async () => {
    if (gaps !== null && reason.trim() === '') return setError(t('close.sayWhy'));
    const result = await setStatus.mutate({
      id: audit.id,
      status: 'closed',
      by,
      ...(gaps !== null ? { reason } : {}),
    });
    if (!result.ok) {
      const listed = (result.error.issues ?? []).filter((i) => i.path[0] === 'gaps').map((i) => i.message);
      if (listed.length > 0) return setGaps(listed);
      return notifyError(result.error, t('close.notClosed'));
    }
    notifySuccess(t('close.closed'));
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('close.title')} centered size="lg">
      <Stack gap="md">
        <Text size="sm">{t('close.body')}</Text>
        {gaps !== null && (
          <GapsOverride
            title={t('close.gapsTitle')}
            gaps={gaps}
            reasonLabel={t('close.reasonLabel')}
            reasonDescription={t('close.reasonHint')}
            reason={reason}
            onReason={(r) => {
              setReason(r);
              setError(undefined);
            }}
            error={error}
            autoFocus
          />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('close.keepOpen')}
          </Button>
          <Button color={gaps === null ? undefined : 'orange'} loading={setStatus.pending} onClick={() => void close()}>
            {gaps === null ? t('close.submit') : t('close.anyway')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
