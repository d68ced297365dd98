import { Alert, Anchor, Button, Checkbox, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '#shared/api/result';
import { EXPORT_KIND_LABELS, type ExportKind } from '#shared/domain/report';
import type { SigningIdentity } from '#shared/domain/signing';
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
}

/** The backend's refusal for gaps open (shared/rules/gates): the reason field is named, each gap is an issue. */
const gapsOf = (refusal: ApiError | { code: string; message: string } | null): string[] | null => {
  const issues = refusal && 'issues' in refusal ? (refusal.issues ?? []) : [];
  if (!issues.some((i) => i.path.at(-1) === 'overrideReason')) return null;
  return issues.filter((i) => i.path[0] === 'gaps').map((i) => i.message);
};

/**
 * Freezes the report as a new numbered version and signs it. Refusals that
 * concern a field (the passphrase) are shown on it; an expired certificate
 * needs an explicit "sign anyway". The backend refuses issuing the report while
 * the issue gates list gaps: they are then listed here, and issuing anyway
 * needs a typed reason, which the audit trail keeps and the report prints.
 */
export function IssueModal({ opened, onClose, auditId, identities, leadAuditor, by: defaultBy }: Props) {
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
  const passphraseError = onPassphrase ? refusal?.message : undefined;

  const close = () => {
    if (issuer.busy) return;
    setPicked(null);
    setBy(null);
    setPassphrase('');
    setRefusal(null);
    setExpiredNotice(null);
    setAcceptExpired(false);
    setGaps(null);
    setReason('');
    setReasonError(null);
    issuer.clear();
    onClose();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!identity) return setPickError('Choose the signing identity');
    if (!keychain && !passphrase) return setRefusal({ code: 'wrong_passphrase', message: 'Enter the passphrase' });
    if (gated && reason.trim() === '') return setReasonError('Say why the report is issued with these gaps open');
    setPickError(null);
    setRefusal(null);
    setReasonError(null);
    const outcome = await issuer.run({
      auditId,
      kind,
      format: 'docx',
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
      if (error.code === 'certificate_expired') return setExpiredNotice(error.message);
      const named = gapsOf(error);
      if (named) return setGaps(named);
      return setRefusal(error);
    }
    if ('job' in outcome && outcome.job.state === 'done') {
      notifySuccess(`${EXPORT_KIND_LABELS[kind]} issued and signed`);
      setPicked(null);
      setBy(null);
      setPassphrase('');
      setExpiredNotice(null);
      setAcceptExpired(false);
      setGaps(null);
      setReason('');
      issuer.clear();
      onClose();
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="Issue and sign" centered size="lg">
      {identities.length === 0 ? (
        <Stack gap="sm">
          <Text size="sm">There is no signing identity on this computer yet.</Text>
          <Text size="sm">
            Create one for the lead auditor in{' '}
            <Anchor href={href('/settings/signing')}>Settings → Signing identities</Anchor>, then come back here.
          </Text>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <Stack gap="md">
            <Select
              label="Document"
              data={[
                { value: 'report', label: EXPORT_KIND_LABELS.report },
                { value: 'nc_list', label: `${EXPORT_KIND_LABELS.nc_list} (DOCX)` },
              ]}
              value={kind}
              onChange={(v) => v && setKind(v)}
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
                  ? `Only the lead auditor, ${leadAuditor}, can issue this audit's documents.`
                  : `Certificate valid until ${formatCertDate(identity.notAfter)}`)
              }
              identityError={pickError}
              passphraseError={passphraseError}
              disabled={issuer.busy}
            />
            <TextInput
              label="Issued by"
              description="Who is issuing; kept with the issued version."
              value={by}
              onChange={(e) => setBy(e.currentTarget.value)}
            />
            {expiredNotice && (
              <Alert color="yellow" icon={<IconAlertTriangle />} title="The certificate has expired" role="alert">
                <Stack gap="xs">
                  <Text size="sm">{expiredNotice}</Text>
                  <Checkbox
                    label="Sign with the expired certificate anyway"
                    checked={acceptExpired}
                    onChange={(e) => setAcceptExpired(e.currentTarget.checked)}
                  />
                </Stack>
              </Alert>
            )}
            {gated && (
              <GapsOverride
                title="The audit is not ready for its report"
                gaps={gaps}
                reasonLabel="Reason for issuing anyway"
                reasonDescription="Kept in the audit trail with the gaps above, and printed in the report."
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
            {refusal && !onPassphrase && (
              <Alert color="red" icon={<IconAlertTriangle />} title="Not issued" role="alert">
                {refusal.message}
              </Alert>
            )}
            {issuer.job?.state === 'running' && <JobProgress job={issuer.job} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={issuer.busy}>
                Cancel
              </Button>
              <Button
                type="submit"
                color={gated ? 'orange' : undefined}
                loading={issuer.busy}
                disabled={expiredNotice !== null && !acceptExpired}
              >
                {expiredNotice ? 'Sign anyway' : gated ? 'Issue anyway' : 'Issue and sign'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
