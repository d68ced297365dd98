import { useMemo } from 'react';
import { AUDIT_TYPE_LABELS } from '#shared/domain/audit';
import { canEditAudit } from '#shared/rules/audit-status';
import { useWriteOp, useOp } from '../../api/ops';
import { newRecordId } from '../../lib/drafts';
import { navigate } from '../../lib/router';
import { LoadError, PageLoader } from '../../components/LoadState';
import { PageHeader } from '../../components/PageHeader';
import { notifySuccess } from '../../lib/notify';
import { AuditForm } from './AuditForm';
import { auditToValues, emptyAuditValues, valuesToCreateInput, valuesToInput } from './auditFormValues';

export function AuditCreatePage({ clientId }: { clientId: string | null }) {
  const create = useWriteOp('audits.create');
  const initialValues = useMemo(() => emptyAuditValues(clientId ?? ''), [clientId]);
  return (
    <>
      <PageHeader
        title="Plan an audit"
        back={{ to: '/audits', label: 'Audits' }}
        description="The plan you agree with the client: who audits what, where and when."
      />
      <AuditForm
        initialValues={initialValues}
        submitLabel="Create audit"
        cancelTo="/audits"
        creating
        journalId={newRecordId(`audit:${clientId ?? ''}`)}
        onSubmit={(values) => create.mutate(valuesToCreateInput(values))}
        onSaved={(audit) => {
          notifySuccess(`${AUDIT_TYPE_LABELS[audit.type]} audit of ${audit.clientName} planned`);
          navigate(`/audits/${audit.id}`, { replace: true });
        }}
      />
    </>
  );
}

export function AuditEditPage({ id }: { id: string }) {
  const audit = useOp('audits.get', { id });
  const update = useWriteOp('audits.update');
  const back = { to: `/audits/${id}`, label: 'Back to the audit' };

  if (audit.error && !audit.data) return <LoadError error={audit.error} onRetry={audit.reload} />;
  if (!audit.data) return <PageLoader />;
  if (!canEditAudit(audit.data.status)) {
    return (
      <>
        <PageHeader title="Edit audit" back={back} />
        <LoadError error={{ code: 'conflict', message: 'This audit is closed and can no longer be changed.' }} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={`Edit ${AUDIT_TYPE_LABELS[audit.data.type]} audit`}
        back={back}
        description={audit.data.clientName}
      />
      <AuditForm
        initialValues={auditToValues(audit.data)}
        submitLabel="Save changes"
        cancelTo={`/audits/${id}`}
        issuePrefix="audit"
        journalId={id}
        onSubmit={(values) => update.mutate({ id, audit: valuesToInput(values) })}
        onSaved={() => {
          notifySuccess('Audit saved');
          navigate(`/audits/${id}`, { replace: true });
        }}
      />
    </>
  );
}
