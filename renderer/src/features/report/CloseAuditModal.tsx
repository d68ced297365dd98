import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useState } from 'react';
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
  const setStatus = useWriteOp('audits.setStatus');
  const by = useActor(audit);
  const [gaps, setGaps] = useState<string[] | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();

  const close = async () => {
    if (gaps !== null && reason.trim() === '') return setError('Say why the audit is closed with these gaps open');
    const result = await setStatus.mutate({
      id: audit.id,
      status: 'closed',
      by,
      ...(gaps !== null ? { reason } : {}),
    });
    if (!result.ok) {
      const listed = (result.error.issues ?? []).filter((i) => i.path[0] === 'gaps').map((i) => i.message);
      if (listed.length > 0) return setGaps(listed);
      return notifyError(result.error, 'The audit was not closed');
    }
    notifySuccess('Audit is now closed');
    onClose();
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Close this audit?" centered size="lg">
      <Stack gap="md">
        <Text size="sm">
          A closed audit is the record behind a certification decision: it can no longer be edited or reopened.
        </Text>
        {gaps !== null && (
          <GapsOverride
            title="The audit is not complete"
            gaps={gaps}
            reasonLabel="Reason for closing anyway"
            reasonDescription="Kept in the audit trail with the gaps above."
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
            Keep it open
          </Button>
          <Button color={gaps === null ? undefined : 'orange'} loading={setStatus.pending} onClick={() => void close()}>
            {gaps === null ? 'Close audit' : 'Close anyway'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
