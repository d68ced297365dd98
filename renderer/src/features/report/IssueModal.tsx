import { Alert, Anchor, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import type { ExportKind } from '#shared/domain/report';
import type { TemplateChoice } from '#shared/domain/report-templates';
import type { SigningIdentity } from '#shared/domain/signing';
import { errorText } from '../../i18n/errorText';
import { href } from '../../lib/router';
import { notifySuccess } from '../../lib/notify';
import { GapsOverride } from '../../components/GapsOverride';
import { SignerFields } from '../../components/SignerFields';
import { formatCertDate, preselectIdentity, sameName, unlockFor } from '../../lib/identity';
import { JobProgress } from './JobProgress';
import { useExportJob } from './useExportJob';

interface Props {
  opened: boolean;
  onClose: () => void;
  auditId: string;
  identities: SigningIdentity[];
  leadAuditor: string;
  by: string;
  /** The audit report's layout chosen on the tab; absent: the default of its language. */
  reportTemplate?: TemplateChoice | undefined;
}

/** The backend's refusal for gaps open (shared/rules/gates): the reason field is named, each gap is an issue. */
const gapsOf = (refusal: ApiError | { code: string; message: string } | null): string[] | null => {
  const issues = refusal && 'issues' in refusal ? (refusal.issues ?? []) : [];
  if (!issues.some((i) => i.path.at(-1) === 'overrideReason')) return null;
  return issues.filter((i) => i.path[0] === 'gaps').map((i) => i.message);
};

/** The backend's refusal to issue in a layout that leaves out required contents until confirmed. */
const needsTemplateConfirmation = (error: { code: string; message: string } | ApiError): boolean =>
  'issues' in error && (error.issues ?? []).some((i) => i.path[0] === 'templateConfirmed');

/**
 * Freezes the report as a new numbered version and signs it. Refusals that
 * concern a field (the passphrase) are shown on it; an expired certificate
 * needs an explicit "sign anyway". The backend refuses issuing the report while
 * the issue gates list gaps: they are then listed here, and issuing anyway
 * needs a typed reason, which the audit trail keeps and the report prints.
 */
export function IssueModal(props: Props) {
  const { opened, onClose, auditId, identities, leadAuditor, by: defaultBy, reportTemplate } = props;
  const { t } = useTranslation('report');
  const kindLabel = (k: ExportKind) => t(`labels:exportKind.${k}`);
  const [kind, setKind] = useState<ExportKind>('report');
  // Null until the user picks: then the lead auditor's identity is offered.
  const [picked, setPicked] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [typedBy, setBy] = useState<string | null>(null);
  const identityId = picked ?? preselectIdentity(identities, leadAuditor);
  const by = typedBy ?? defaultBy;
  const [refusal, setRefusal] = useState<ApiError | { code: string; message: string } | null>(null);
  const [expiredNotice, setExpiredNotice] = useState<string | null>(null);
  const [acceptExpired, setAcceptExpired] = useState(false);
  // Set when the backend names what the layout leaves out; issuing then needs the box ticked.
  const [templateNotice, setTemplateNotice] = useState<string | null>(null);
  const [templateConfirmed, setTemplateConfirmed] = useState(false);
  // The gaps the backend named when it refused; null until it has (or for the NC list, which is not gated).
  const [gaps, setGaps] = useState<string[] | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const gated = kind === 'report' && gaps !== null;
  const reasonField = useRef<HTMLTextAreaElement>(null);
  // Keyboard first: once the gaps are listed, the reason is what to type next.
  useEffect(() => {
    if (gated) reasonField.current?.focus();
  }, [gated]);
  const issuer = useExportJob();

  const identity = identities.find((i) => i.id === identityId);
  const keychain = identity?.protection === 'os_keychain';
  const [pickError, setPickError] = useState<string | null>(null);
  const onPassphrase =
    refusal?.code === 'wrong_passphrase' ||
    ('issues' in (refusal ?? {}) && (refusal as ApiError).issues?.some((i) => i.path.at(-1) === 'passphrase'));
  const passphraseError = onPassphrase && refusal ? errorText(refusal) : undefined;

  const close = () => {
    if (issuer.busy) return;
    setPicked(null);
    setBy(null);
    setPassphrase('');
    setRefusal(null);
    setExpiredNotice(null);
    setAcceptExpired(false);
    setTemplateNotice(null);
    setTemplateConfirmed(false);
    setGaps(null);
    setReason('');
    setReasonError(null);
    issuer.clear();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!identity) return setPickError(t('issue.chooseIdentity'));
    if (!keychain && !passphrase) return setRefusal({ code: 'wrong_passphrase', message: t('issue.enterPassphrase') });
    if (gated && reason.trim() === '') return setReasonError(t('issue.sayWhy'));
    setPickError(null);
    setRefusal(null);
    setReasonError(null);
    const template = kind === 'report' ? reportTemplate : undefined;
    const outcome = await issuer.run({
      auditId,
      kind,
      format: 'docx',
      ...(template ? { template } : {}),
      ...(templateConfirmed ? { templateConfirmed } : {}),
      issue: {
        identityId: identity.id,
        unlock: unlockFor(identity, passphrase),
        acceptExpired,
        by,
        ...(gated ? { overrideReason: reason } : {}),
      },
    });
    const error = 'error' in outcome ? outcome.error : outcome.job.error;
    if (error) {
      if (error.code === 'certificate_expired') return setExpiredNotice(errorText(error));
      const named = gapsOf(error);
      if (named) return setGaps(named);
      if (needsTemplateConfirmation(error)) return setTemplateNotice(errorText(error));
      return setRefusal(error);
    }
    if ('job' in outcome && outcome.job.state === 'done') {
      notifySuccess(t('issue.done', { kind: kindLabel(kind) }));
      setPicked(null);
      setBy(null);
      setPassphrase('');
      setExpiredNotice(null);
      setAcceptExpired(false);
      setTemplateNotice(null);
      setTemplateConfirmed(false);
      setGaps(null);
      setReason('');
      issuer.clear();
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={close} title={t('issue.title')} centered size="lg">
      {identities.length === 0 ? (
        <Stack gap="sm">
          <Text size="sm">{t('issue.noIdentity')}</Text>
          <Text size="sm">
            <Trans
              t={t}
              i18nKey="issue.createIdentity"
              components={{ settings: <Anchor href={href('/settings/signing')} /> }}
            />
          </Text>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <Select
              label={t('issue.document')}
              data={[
                { value: 'report', label: kindLabel('report') },
                { value: 'nc_list', label: t('issue.ncListDocx', { kind: kindLabel('nc_list') }) },
              ]}
              value={kind}
              onChange={(v) => {
                if (!v) return;
                // The other document has its own layout: what was confirmed for one is not for the other.
                setKind(v);
                setTemplateNotice(null);
                setTemplateConfirmed(false);
              }}
              allowDeselect={false}
            />
            <SignerFields
              identities={identities}
              identityId={identityId}
              onIdentity={(v) => {
                setPicked(v);
                setPickError(null);
                setExpiredNotice(null);
                setAcceptExpired(false);
              }}
              passphrase={passphrase}
              onPassphrase={setPassphrase}
              description={(identity) =>
                identity &&
                (leadAuditor && !sameName(identity.name, leadAuditor)
                  ? t('issue.onlyLead', { name: leadAuditor })
                  : t('issue.validUntil', { date: formatCertDate(identity.notAfter) }))
              }
              identityError={pickError}
              passphraseError={passphraseError}
              disabled={issuer.busy}
            />
            <TextInput
              label={t('issue.issuedBy')}
              description={t('issue.issuedByHint')}
              value={by}
              onChange={(e) => setBy(e.currentTarget.value)}
            />
            {expiredNotice && (
              <Alert color="yellow" icon={<IconAlertTriangle />} title={t('issue.expiredTitle')} role="alert">
                <Stack gap="xs">
                  <Text size="sm">{expiredNotice}</Text>
                  <Checkbox
                    label={t('issue.signExpired')}
                    checked={acceptExpired}
                    onChange={(e) => setAcceptExpired(e.currentTarget.checked)}
                  />
                </Stack>
              </Alert>
            )}
            {gated && (
              <GapsOverride
                title={t('issue.gapsTitle')}
                gaps={gaps}
                reasonLabel={t('issue.reasonLabel')}
                reasonDescription={t('issue.reasonHint')}
                reason={reason}
                onReason={(r) => {
                  setReason(r);
                  setReasonError(null);
                }}
                error={reasonError}
                disabled={issuer.busy}
                reasonRef={reasonField}
              />
            )}
            {templateNotice && (
              <Alert color="yellow" icon={<IconAlertTriangle />} title={t('issue.templateTitle')} role="alert">
                <Stack gap="xs">
                  <Text size="sm">{templateNotice}</Text>
                  <Checkbox
                    label={t('issue.templateConfirm')}
                    checked={templateConfirmed}
                    onChange={(e) => setTemplateConfirmed(e.currentTarget.checked)}
                  />
                </Stack>
              </Alert>
            )}
            {refusal && !onPassphrase && (
              <Alert color="red" icon={<IconAlertTriangle />} title={t('issue.notIssued')} role="alert">
                {errorText(refusal)}
              </Alert>
            )}
            {issuer.job?.state === 'running' && <JobProgress job={issuer.job} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={issuer.busy}>
                {t('issue.cancel')}
              </Button>
              <Button
                type="submit"
                color={gated ? 'orange' : undefined}
                loading={issuer.busy}
                disabled={(expiredNotice !== null && !acceptExpired) || (templateNotice !== null && !templateConfirmed)}
              >
                {expiredNotice ? t('issue.signAnyway') : gated ? t('issue.issueAnyway') : t('issue.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
