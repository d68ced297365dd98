import { Alert, Anchor, Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { AUDIT_TYPE_LABELS, type AuditType } from '#shared/domain/audit';
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
              The next audit is planned from the current one once it has started.
            </Text>
          )}
          <Button leftSection={<IconCalendarPlus size={16} />} disabled={fromPlanned} onClick={() => setPlanning(true)}>
            Plan next audit: {AUDIT_TYPE_LABELS[p.next.type]}
          </Button>
        </Group>
      )}
      <PlanNextModal clientId={clientId} next={p.next} opened={planning} onClose={() => setPlanning(false)} />
    </Stack>
  );
}

function CertificationDates({ programme: p }: { programme: Programme }) {
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
      return notifyError(result.error, 'The certification dates were not saved');
    }
    setErrors({});
    notifySuccess('Certification dates saved');
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Certification dates">
      <Group align="flex-end" gap="sm">
        <TextInput
          type="date"
          label="Certification decision"
          description="Date of the decision to certify"
          value={decisionDate}
          onChange={(e) => setDecision(e.currentTarget.value)}
          error={errors.decisionDate}
        />
        <TextInput
          type="date"
          label="Certificate expiry"
          description="Date the certificate runs out"
          value={expiryDate}
          onChange={(e) => setExpiry(e.currentTarget.value)}
          error={errors.expiryDate}
        />
        <Button type="submit" variant={dirty ? 'filled' : 'default'} loading={save.pending}>
          Save dates
        </Button>
      </Group>
    </form>
  );
}

/** Initial audits come before any decision; the later ones wait for the dates above. */
const noDueDate = (type: AuditType): string =>
  type === 'stage1' || type === 'stage2' ? 'Before certification' : 'Once the dates are saved';

function StepsTable({ steps }: { steps: ProgrammeStep[] }) {
  const overdue = steps.filter((s) => s.overdue).length;
  return (
    <>
      {overdue > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle />} title="Overdue">
          {overdue === 1 ? 'One audit of the cycle is' : `${overdue} audits of the cycle are`} past its due date and not
          yet done. Plan it, or record why it moved.
        </Alert>
      )}
      <Table aria-label="Audits of the certification cycle">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Audit</Table.Th>
            <Table.Th>Due by</Table.Th>
            <Table.Th>Planned audit</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {steps.map((s) => (
            <Table.Tr key={s.type} data-overdue={s.overdue || undefined} bg={s.overdue ? 'red.0' : undefined}>
              <Table.Td>
                <Text size="sm" fw={500}>
                  {AUDIT_TYPE_LABELS[s.type]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Text size="sm" c={s.dueBy ? undefined : 'dimmed'}>
                    {s.dueBy ? formatDay(s.dueBy) : noDueDate(s.type)}
                  </Text>
                  {s.overdue && (
                    <Badge color="red" size="sm">
                      Overdue
                    </Badge>
                  )}
                </Group>
              </Table.Td>
              <Table.Td>
                {s.auditId ? (
                  <Group gap="xs">
                    <Anchor href={href(`/audits/${s.auditId}`)} size="sm">
                      {s.startDate ? formatDay(s.startDate) : AUDIT_TYPE_LABELS[s.type]}
                    </Anchor>
                    {s.auditStatus && <AuditStatusBadge status={s.auditStatus} size="sm" />}
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    Not planned yet
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
