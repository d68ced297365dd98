import { Alert, Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { AuditPlan } from '#shared/domain/plan';
import { useOp, useWriteOp } from '../../api/ops';
import { LoadError, PageLoader } from '../../components/LoadState';
import { canEditAudit } from '#shared/rules/audit-status';
import { errorText } from '../../i18n/errorText';
import { notifySuccess } from '../../lib/notify';
import { useActor } from '../../lib/useActor';
import { MeetingForm } from './MeetingForm';
import { PlanDownload } from './PlanDownload';
import { SessionsTable } from './SessionsTable';

/**
 * The audit plan (ISO/IEC 17021-1 9.2.3) and the opening and closing
 * meetings: what is agreed with the client before and around the fieldwork.
 * `fieldwork export-plan` writes the plan as a signed DOCX.
 */
export function PlanTab({ audit }: { audit: Audit }) {
  const plan = useOp('plan.get', { auditId: audit.id });
  const meetings = useOp('meetings.get', { auditId: audit.id });
  if (plan.error && !plan.data) return <LoadError error={plan.error} onRetry={plan.reload} />;
  if (meetings.error && !meetings.data) return <LoadError error={meetings.error} onRetry={meetings.reload} />;
  if (!plan.data || !meetings.data) return <PageLoader />;
  const editable = canEditAudit(audit.status);
  return (
    <Stack gap="xl">
      {/* Keyed by the saved version: a save (here or elsewhere) starts the form from what was stored. */}
      <PlanTexts key={`${plan.data.updatedAt}-${audit.updatedAt}`} audit={audit} plan={plan.data} editable={editable} />
      <SessionsTable audit={audit} plan={plan.data} editable={editable} />
      <MeetingForm
        key={`opening-${meetings.data.opening?.updatedAt}`}
        audit={audit}
        kind="opening"
        meeting={meetings.data.opening}
        editable={editable}
      />
      <MeetingForm
        key={`closing-${meetings.data.closing?.updatedAt}`}
        audit={audit}
        kind="closing"
        meeting={meetings.data.closing}
        editable={editable && meetings.data.opening !== null}
      />
    </Stack>
  );
}

function PlanTexts({ audit, plan, editable }: { audit: Audit; plan: AuditPlan; editable: boolean }) {
  const { t } = useTranslation('plan');
  const save = useWriteOp('plan.save');
  const by = useActor(audit);
  const [texts, setTexts] = useState(() => pick(plan));
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const field = (key: keyof ReturnType<typeof pick>, label: string, description?: string) => (
    <Textarea
      label={label}
      description={description}
      autosize
      minRows={2}
      readOnly={!editable}
      value={texts[key]}
      onChange={(e) => {
        const v = e.currentTarget.value;
        setTexts((x) => ({ ...x, [key]: v }));
      }}
      error={refusal?.issues?.find((i) => i.path[0] === key)?.message}
    />
  );
  const submit = async () => {
    const r = await save.mutate({ auditId: audit.id, ...texts, by });
    if (!r.ok) return setRefusal(r.error);
    setRefusal(null);
    notifySuccess(t('texts.saved'));
  };
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('texts.title')}
      </Title>
      {field('objectives', t('texts.objectives'))}
      {field('scope', t('texts.scope'))}
      {field('criteria', t('texts.criteria'))}
      {field('notes', t('texts.arrangements'), t('texts.arrangementsHint'))}
      {refusal && !refusal.issues?.length && (
        <Alert color="red" icon={<IconAlertTriangle />} title={t('texts.notSaved')} role="alert">
          {errorText(refusal)}
        </Alert>
      )}
      <Group>
        {editable && (
          <Button leftSection={<IconDeviceFloppy size={16} />} loading={save.pending} onClick={() => void submit()}>
            {t('texts.save')}
          </Button>
        )}
        <PlanDownload auditId={audit.id} />
      </Group>
    </Stack>
  );
}

const pick = (p: AuditPlan) => ({ objectives: p.objectives, scope: p.scope, criteria: p.criteria, notes: p.notes });
