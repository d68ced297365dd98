import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditType } from '#shared/domain/audit';
import type { Programme, ProgrammeStep } from '#shared/domain/programme';
import { useWriteOp, useOp } from '../../api/ops';
import { href } from '../../lib/router';
import { LoadError, PageLoader } from '../../components/LoadState';
import { formatDay } from '../../lib/format';
import { issuesToErrors, type FieldErrors } from '../../lib/formErrors';
import { notifyError, notifySuccess } from '../../lib/notify';
import { AuditStatusBadge } from '../../components/AuditStatusBadge';
import { PlanNextModal } from './PlanNextModal';

/** The client's 3-year certification cycle: the decision and expiry dates, and each audit due. */
export function ProgrammeSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation('programme');
  const programme = useOp('programme.get', { clientId });
  const [planning, setPlanning] = useState(false);
  if (programme.error && !programme.data) return <LoadError error={programme.error} onRetry={programme.reload} />;
  const p = programme.data;
  if (!p) return <PageLoader />;
  // The backend plans the next audit only from one that has taken place.
  const fromPlanned = p.steps.some((st) => st.auditId === p.next?.fromAuditId && st.auditStatus === 'planned');
  return (
    <Stack gap="md">
      {/* Keyed by the stored dates, so the refresh after saving starts the fields from them again. */}
      <CertificationDates key={`${p.decisionDate}|${p.expiryDate}`} programme={p} />
      <StepsTable steps={p.steps} />
      {p.next && (
        <Group justify="flex-end">
          {fromPlanned && (
            <Text size="sm" c="dimmed">
              {t('programme.fromPlanned')}
            </Text>
          )}
          <Button leftSection={<IconCalendarPlus size={16} />} disabled={fromPlanned} onClick={() => setPlanning(true)}>
            {t('programme.planNext', { type: t(`labels:auditType.${p.next.type}`) })}
          </Button>
        </Group>
      )}
      <PlanNextModal clientId={clientId} next={p.next} opened={planning} onClose={() => setPlanning(false)} />
    </Stack>
  );
}

function CertificationDates({ programme: p }: { programme: Programme }) {
  const { t } = useTranslation('programme');
  const [decisionDate, setDecision] = useState(p.decisionDate ?? '');
  const [expiryDate, setExpiry] = useState(p.expiryDate ?? '');
  const [errors, setErrors] = useState<FieldErrors>({});
  const save = useWriteOp('programme.setCertification');
  const dirty = decisionDate !== (p.decisionDate ?? '') || expiryDate !== (p.expiryDate ?? '');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await save.mutate({
      clientId: p.clientId,
      decisionDate: decisionDate || null,
      expiryDate: expiryDate || null,
    });
    if (!result.ok) {
      setErrors(issuesToErrors(result.error.issues));
      return notifyError(result.error, t('programme.datesNotSaved'));
    }
    setErrors({});
    notifySuccess(t('programme.datesSaved'));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label={t('programme.datesLabel')}>
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label={t('programme.decision')}
          description={t('programme.decisionHint')}
          value={decisionDate}
          onChange={(e) => setDecision(e.currentTarget.value)}
          error={errors.decisionDate}
        />
        <TextInput
          type="date"
          label={t('programme.expiry')}
          description={t('programme.expiryHint')}
          value={expiryDate}
          onChange={(e) => setExpiry(e.currentTarget.value)}
          error={errors.expiryDate}
        />
        <Button type="submit" variant={dirty ? 'filled' : 'default'} loading={save.pending}>
          {t('programme.saveDates')}
        </Button>
      </Group>
    </form>
  );
}

/** Initial audits come before any decision; the later ones wait for the dates above. */
const noDueDate = (t: TFunction<'programme'>, type: AuditType): string =>
  type === 'stage1' || type === 'stage2' ? t('programme.beforeCertification') : t('programme.onceDatesSaved');

function StepsTable({ steps }: { steps: ProgrammeStep[] }) {
  const { t } = useTranslation('programme');
  const overdue = steps.filter((s) => s.overdue).length;
  return (
    <>
      {overdue > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title={t('programme.overdueTitle')}>
          {t('programme.overdue', { count: overdue })}
        </Alert>
      )}
      <Table aria-label={t('programme.tableLabel')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('programme.audit')}</Table.Th>
            <Table.Th>{t('programme.dueBy')}</Table.Th>
            <Table.Th>{t('programme.plannedAudit')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((s) => (
            <Table.Tr key={s.type} data-overdue={s.overdue || undefined} bg={s.overdue ? 'red.0' : undefined}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {t(`labels:auditType.${s.type}`)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" c={s.dueBy ? undefined : 'dimmed'}>
                    {s.dueBy ? formatDay(s.dueBy) : noDueDate(t, s.type)}
                  </Text>
                  {s.overdue && (
                    <Badge color="red" size="sm">
                      {t('programme.overdueBadge')}
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {s.auditId ? (
                  <Group gap="xs">
                    <Anchor href={href(`/audits/${s.auditId}`)} size="sm">
                      {s.startDate ? formatDay(s.startDate) : t(`labels:auditType.${s.type}`)}
                    </Anchor>
                    {s.auditStatus && <AuditStatusBadge status={s.auditStatus} size="sm" />}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    {t('programme.notPlanned')}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
