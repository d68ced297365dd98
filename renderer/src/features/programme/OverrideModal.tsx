import { Alert, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import type { ApiError } from '#shared/api/result';
import type { AuditType } from '#shared/domain/audit';
import { RECOMMENDATIONS, type Recommendation } from '#shared/domain/programme';
import { recommendationLabel } from '#shared/rules/recommendation-label';
import { useWriteOp } from '../../api/ops';
import { issuesToErrors } from '../../lib/formErrors';
import { notifySuccess } from '../../lib/notify';

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
  const options = RECOMMENDATIONS.map((r) => ({ value: r, label: recommendationLabel(type, r) }));
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
    if (!recommendation) return setRefusal({ code: 'invalid_input', message: 'Choose the recommendation to record' });
    const result = await decide.mutate({ auditId, recommendation, reason, by });
    if (!result.ok) return setRefusal(result.error);
    notifySuccess('Recommendation recorded');
    setRecommendation(null);
    setReason('');
    setRefusal(null);
    onDecided();
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="Override the suggested recommendation" centered size="lg">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            Suggested from the findings: {recommendationLabel(type, suggested)}. Say why your recommendation differs;
            the reason is kept with the decision.
          </Text>
          <Select
            label="Recommendation"
            withAsterisk
            data={options}
            value={recommendation}
            onChange={(v) => setRecommendation(v)}
            allowDeselect={false}
            error={fieldErrors.recommendation}
            data-autofocus
          />
          <Textarea
            label="Reason"
            withAsterisk
            autosize
            minRows={3}
            maxRows={12}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            error={fieldErrors.reason}
          />
          {refusal && (
            <Alert color="red" icon={<IconAlertTriangle />} title="Not recorded" role="alert">
              {refusal.message}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={decide.pending}>
              Record recommendation
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
