import { Alert, Button, Grid, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconLock, IconPencil, IconTrash } from '@tabler/icons-react';
import { AUDIT_STATUS_LABELS, AUDIT_TYPE_LABELS, type AuditStatus } from '#shared/domain/audit';
import { allowedTransitions, canDeleteAudit, canEditAudit } from '#shared/rules/audit-status';
import { useMutation, useQuery } from '../../api/hooks';
import { href, navigate } from '../../app/router';
import { Block } from '../../components/Block';
import { LongText } from '../../components/Facts';
import { LoadError, PageLoader } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { dayCount, formatDayRange, formatTimestamp } from '../../lib/format';
import { notifyError, notifySuccess } from '../../lib/notify';
import { EngagementFacts, SitesInScope, TeamTable } from './AuditSections';
import { needsConfirmation, transitionLabel } from './statusActions';
import { StatusBadge } from './StatusBadge';

export function AuditDetail({ id }: { id: string }) {
  const audit = useQuery('audits.get', { id });
  const a = audit.data;
  const client = useQuery('clients.get', { id: a?.clientId ?? '' }, { enabled: Boolean(a) });
  const setStatus = useMutation('audits.setStatus');
  const remove = useMutation('audits.delete');

  if (audit.error && !audit.data) return <LoadError error={audit.error} onRetry={audit.reload} />;
  if (!a) return <PageLoader />;

  const typeLabel = AUDIT_TYPE_LABELS[a.type];
  const dates = formatDayRange(a.startDate, a.endDate);
  const days = dayCount(a.startDate, a.endDate);

  const moveTo = async (to: AuditStatus) => {
    const result = await setStatus.mutate({ id, status: to });
    if (!result.ok) return notifyError(result.error, 'The status was not changed');
    notifySuccess(`Audit is now ${AUDIT_STATUS_LABELS[to].toLowerCase()}`);
    audit.reload();
  };
  const requestMove = (to: AuditStatus) => {
    if (!needsConfirmation(to)) return void moveTo(to);
    modals.openConfirmModal({
      title: 'Close this audit?',
      children: (
        <Text size="sm">
          A closed audit is the record behind a certification decision: it can no longer be edited or reopened.
        </Text>
      ),
      labels: { confirm: 'Close audit', cancel: 'Keep it open' },
      onConfirm: () => void moveTo(to),
    });
  };
  const deleteAudit = async () => {
    const result = await remove.mutate({ id });
    if (!result.ok) return notifyError(result.error, 'The audit was not deleted');
    notifySuccess(`${typeLabel} audit of ${a.clientName} deleted`);
    navigate('/audits', { replace: true });
  };
  const requestDelete = () =>
    modals.openConfirmModal({
      title: 'Delete this audit?',
      children: (
        <Text size="sm">
          The {typeLabel} audit of <b>{a.clientName}</b> planned for <b>{dates}</b> will be deleted with its team and
          scope. This cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Delete audit', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () => void deleteAudit(),
    });

  return (
    <>
      <PageHeader
        title={`${typeLabel} audit`}
        badge={<StatusBadge status={a.status} size="lg" />}
        back={{ to: '/audits', label: 'Audits' }}
        description={
          <>
            {a.clientName} · {dates}
          </>
        }
        actions={
          <>
            {allowedTransitions(a.status).map((to, i) => (
              <Button
                key={to}
                variant={i === 0 ? 'filled' : 'default'}
                loading={setStatus.pending}
                onClick={() => requestMove(to)}
              >
                {transitionLabel(a.status, to)}
              </Button>
            ))}
            {canEditAudit(a.status) && (
              <Button
                component="a"
                href={href(`/audits/${id}/edit`)}
                variant="default"
                leftSection={<IconPencil size={16} />}
              >
                Edit
              </Button>
            )}
            {canDeleteAudit(a.status) && (
              <Button variant="light" color="red" leftSection={<IconTrash size={16} />} onClick={requestDelete}>
                Delete
              </Button>
            )}
          </>
        }
      />
      {!canEditAudit(a.status) && (
        <Alert icon={<IconLock />} color="gray" mb="lg" title="Closed">
          This audit is closed. Its record backs a certification decision and can no longer be changed.
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="lg">
            <Block title="Scope">
              <LongText>{a.scope}</LongText>
            </Block>
            <Block title={`Sites in scope (${a.siteIds.length})`}>
              <SitesInScope siteIds={a.siteIds} sites={client.data?.sites} />
            </Block>
            <Block title="Objectives">
              <LongText>{a.objectives}</LongText>
            </Block>
            <Block title="Criteria">
              <LongText>{a.criteria}</LongText>
            </Block>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="lg">
            <Block title="Engagement">
              <EngagementFacts audit={a} dates={dates} days={days} />
            </Block>
            <Block title={`Audit team (${a.team.length})`}>
              <TeamTable audit={a} />
            </Block>
            <Text size="xs" c="dimmed">
              Created {formatTimestamp(a.createdAt)} · last changed {formatTimestamp(a.updatedAt)}
            </Text>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
