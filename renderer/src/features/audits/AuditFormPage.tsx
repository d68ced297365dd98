import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation('audits');
  const create = useWriteOp('audits.create');
  // The report starts in the certification body's language; unreadable settings leave English.
  const body = useOp('branding.get', {});
  const settled = body.data !== undefined || body.error !== undefined;
  const language = body.data?.language;
  const initialValues = useMemo(() => emptyAuditValues(clientId ?? '', language), [clientId, language]);
  if (!settled) return <PageLoader />;
  return (
    <>
      <PageHeader
        title={t('formPage.planTitle')}
        back={{ to: '/audits', label: t('formPage.back') }}
        description={t('formPage.planDescription')}
      />
      <AuditForm
        initialValues={initialValues}
        submitLabel={t('formPage.create')}
        cancelTo="/audits"
        creating
        journalId={newRecordId(`audit:${clientId ?? ''}`)}
        onSubmit={(values) => create.mutate(valuesToCreateInput(values))}
        onSaved={(audit) => {
          notifySuccess(t('formPage.planned', { type: t(`labels:auditType.${audit.type}`), client: audit.clientName }));
          navigate(`/audits/${audit.id}`, { replace: true });
        }}
      />
    </>
  );
}

export function AuditEditPage({ id }: { id: string }) {
  const { t } = useTranslation('audits');
  const audit = useOp('audits.get', { id });
  const update = useWriteOp('audits.update');
  const back = { to: `/audits/${id}`, label: t('formPage.backToAudit') };

  if (audit.error && !audit.data) return <LoadError error={audit.error} onRetry={audit.reload} />;
  if (!audit.data) return <PageLoader />;
  if (!canEditAudit(audit.data.status)) {
    return (
      <>
        <PageHeader title={t('formPage.editTitle')} back={back} />
        <LoadError error={{ code: 'conflict', message: t('formPage.closed') }} />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={t('formPage.editTypeTitle', { type: t(`labels:auditType.${audit.data.type}`) })}
        back={back}
        description={audit.data.clientName}
      />
      <AuditForm
        initialValues={auditToValues(audit.data)}
        submitLabel={t('formPage.save')}
        cancelTo={`/audits/${id}`}
        issuePrefix="audit"
        journalId={id}
        onSubmit={(values) => update.mutate({ id, audit: valuesToInput(values) })}
        onSaved={() => {
          notifySuccess(t('formPage.saved'));
          navigate(`/audits/${id}`, { replace: true });
        }}
      />
    </>
  );
}
