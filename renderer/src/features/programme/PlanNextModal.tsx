import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditType } from '#shared/domain/audit';
import { isSurveillance } from '#shared/rules/checklist';
import { useOp, useWriteOp } from '../../api/ops';
import { navigate } from '../../lib/router';
import { issuesToErrors, type FieldErrors } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { SamplingPicker } from '../../components/SamplingPicker';

interface PlanNextProps {
  clientId: string;
  /** The next step of the cycle and the audit it is planned from; null keeps the modal closed. */
  next: { type: AuditType; fromAuditId: string } | null;
  opened: boolean;
  onClose: () => void;
}

/**
 * Plans the next audit of the cycle: the dates, and for a surveillance audit
 * what it samples; the rest is copied from the audit it follows, and open
 * findings come along to be verified.
 */
export function PlanNextModal({ clientId, next, opened, onClose }: PlanNextProps) {
  const { t } = useTranslation('programme');
  const [startDate, setStart] = useState('');
  const [endDate, setEnd] = useState('');
  const [sampled, setSampled] = useState<string[] | null>(null);
  const sampling = next !== null && isSurveillance(next.type);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [reason, setReason] = useState('');
  const create = useWriteOp('programme.createNext');
  // The next audit follows a closed one; planning ahead of the close needs a reason (kept in the audit trail).
  const from = useOp('audits.get', { id: next?.fromAuditId ?? '' }, { enabled: next !== null });
  const fromOpen = from.data !== undefined && from.data.status !== 'closed';
  const label = next ? t(`labels:auditType.${next.type}`) : '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!next) return;
    const missing: FieldErrors = {};
    if (!startDate) missing.startDate = t('planNext.startMissing');
    if (!endDate) missing.endDate = t('planNext.endMissing');
    if (sampling && sampled?.length === 0) missing.sampledRefs = t('planNext.sampleMissing');
    if (fromOpen && reason.trim() === '') missing.reason = t('planNext.reasonMissing');
    if (Object.keys(missing).length > 0) return setErrors(missing);
    const result = await create.mutate({
      fromAuditId: next.fromAuditId,
      startDate,
      endDate,
      ...(sampling && sampled ? { sampledRefs: sampled } : {}),
      ...(fromOpen ? { reason } : {}),
    });
    if (!result.ok) {
      setErrors(issuesToErrors(result.error.issues));
      return notifyError(result.error, t('planNext.notPlanned', { type: label }));
    }
    notifySuccess(t('planNext.planned', { type: label }));
    onClose();
    navigate(`/audits/${result.value.id}`);
  };

  return (
    <Modal
      opened={opened && next !== null}
      onClose={onClose}
      title={t('planNext.title', { type: label })}
      size={sampling ? 'lg' : 'md'}
      centered
    >
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Alert icon={<IconInfoCircle />} color="blue" variant="light">
            <Text size="sm">{sampling ? t('planNext.copiedSampling') : t('planNext.copied')}</Text>
          </Alert>
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label={t('planNext.start')}
              withAsterisk
              value={startDate}
              onChange={(e) => setStart(e.currentTarget.value)}
              error={errors.startDate}
              data-autofocus
            />
            <TextInput
              type="date"
              label={t('planNext.end')}
              withAsterisk
              value={endDate}
              onChange={(e) => setEnd(e.currentTarget.value)}
              error={errors.endDate}
            />
          </SimpleGrid>
          {fromOpen && (
            <Textarea
              label={t('planNext.reason')}
              description={t('planNext.reasonHint', { type: from.data ? t(`labels:auditType.${from.data.type}`) : '' })}
              withAsterisk
              autosize
              minRows={2}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={errors.reason}
            />
          )}
          {sampling && (
            <SamplingPicker
              clientId={clientId}
              templateId=""
              value={sampled}
              onChange={setSampled}
              error={errors.sampledRefs}
            />
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('planNext.cancel')}
            </Button>
            <Button type="submit" loading={create.pending}>
              {t('planNext.submit', { type: label })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
