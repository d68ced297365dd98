import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import type { AuditType } from '#shared/domain/audit';
import { RECOMMENDATIONS, type Recommendation } from '#shared/domain/programme';
import { useWriteOp } from '../../api/ops';
import { errorText } from '../../i18n/errorText';
import { issuesToErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';
import { recommendationText } from './recommendationText';

interface OverrideProps {
  opened: boolean;
  onClose: () => void;
  auditId: string;
  /** The labels follow the audit: readiness for a Stage 1, maintaining for a surveillance, renewing for a recertification. */
  type: AuditType;
  suggested: Recommendation;
  /** The lead auditor deciding, as entered on the panel. */
  by: string;
  onDecided: () => void;
}

/**
 * The lead auditor's own recommendation. The reason is checked by the backend
 * (it knows whether this overrides the suggestion or an earlier decision), and
 * its refusal is shown here in its own words.
 */
export function OverrideModal({ opened, onClose, auditId, type, suggested, by, onDecided }: OverrideProps) {
  const { t } = useTranslation('programme');
  const options = RECOMMENDATIONS.map((r) => ({ value: r, label: recommendationText(t, type, r) }));
  const [recommendation, setRecommendation] = useState<Recommendation | null>(null);
  const [reason, setReason] = useState('');
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const decide = useWriteOp('recommendation.decide');
  const fieldErrors = issuesToErrors(refusal?.issues);

  const close = () => {
    setRefusal(null);
    onClose();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!recommendation) return setRefusal({ code: 'invalid_input', message: t('override.chooseFirst') });
    const result = await decide.mutate({ auditId, recommendation, reason, by });
    if (!result.ok) return setRefusal(result.error);
    notifySuccess(t('override.recorded'));
    setRecommendation(null);
    setReason('');
    setRefusal(null);
    onDecided();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title={t('override.title')} centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('override.suggested', { label: recommendationText(t, type, suggested) })}
          </Text>
          <Select
            label={t('override.recommendation')}
            withAsterisk
            data={options}
            value={recommendation}
            onChange={(v) => setRecommendation(v)}
            allowDeselect={false}
            error={fieldErrors.recommendation}
            data-autofocus
          />
          <Textarea
            label={t('override.reason')}
            withAsterisk
            autosize
            minRows={3}
            maxRows={12}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldErrors.reason}
          />
          {refusal && (
            <Alert color="red" icon={<IconAlertTriangle />} title={t('override.notRecorded')} role="alert">
              {errorText(refusal)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('override.cancel')}
            </Button>
            <Button type="submit" loading={decide.pending}>
              {t('override.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
