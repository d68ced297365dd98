import { Alert, Anchor, Button, Checkbox, Group, Modal, Progress, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconX } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { SigningIdentity } from '#shared/domain/signing';
import type { TeamRole } from '#shared/domain/team';
import { useOp, useWriteOp } from '../../api/ops';
import { errorText } from '../../i18n/errorText';
import { href } from '../../lib/router';
import { formatBytes } from '../../lib/files';

import { notifySuccess } from '../../lib/notify';
import { downloadPackage } from './packageFile';
import { SignerFields } from '../../components/SignerFields';
import { formatCertDate, preselectIdentity, unlockFor } from '../../lib/identity';

interface Props {
  opened: boolean;
  onClose: () => void;
  audit: Audit;
  role: TeamRole;
  identities: SigningIdentity[];
  by: string;
}

type Stage = { kind: 'idle' } | { kind: 'writing' } | { kind: 'downloading'; read: number };

const EVERYONE = '__everyone__';

/**
 * Lead (or solo): sends the audit to a team member, or to everyone, as a
 * signed package. Member: returns what changed since the last exchange. The
 * package is written by the backend, then read back in chunks and downloaded.
 */
export function SendModal({ opened, onClose, audit, role, identities, by }: Props) {
  const { t } = useTranslation('team');
  const returning = role === 'member';
  const [picked, setPicked] = useState<string | null>(null);
  const identityId = picked ?? preselectIdentity(identities, by);
  const identity = identities.find((i) => i.id === identityId);
  const [passphrase, setPassphrase] = useState('');
  const [forWhom, setForWhom] = useState(EVERYONE);
  const [includeEvidence, setIncludeEvidence] = useState(true);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);
  const [expiredNotice, setExpiredNotice] = useState<string | null>(null);
  const [acceptExpired, setAcceptExpired] = useState(false);
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [cancelled, setCancelled] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const exportPackage = useWriteOp('team.export');

  const members = audit.team.filter((m) => m.role !== 'lead_auditor');
  const forName = forWhom === EVERYONE ? '' : forWhom;
  const estimate = useOp(
    'team.estimate',
    { auditId: audit.id, for: forName, includeEvidence: true },
    { enabled: opened },
  );
  const e = estimate.data;

  const reset = () => {
    setPicked(null);
    setPassphrase('');
    setForWhom(EVERYONE);
    setIncludeEvidence(true);
    setRefusal(null);
    setPickError(null);
    setExpiredNotice(null);
    setAcceptExpired(false);
    setStage({ kind: 'idle' });
    setCancelled(false);
  };
  const close = () => {
    if (stage.kind !== 'idle') return;
    reset();
    onClose();
  };
  const cancel = () => abort.current?.abort();

  const passphraseError =
    refusal?.code === 'wrong_passphrase' || refusal?.issues?.some((i) => i.path.includes('passphrase'))
      ? errorText(refusal)
      : null;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!identity) return setPickError(t('send.chooseIdentity'));
    if (identity.protection !== 'os_keychain' && !passphrase)
      return setRefusal({ code: 'wrong_passphrase', message: t('send.enterPassphrase') });
    setPickError(null);
    setRefusal(null);
    setCancelled(false);
    const controller = new AbortController();
    abort.current = controller;
    setStage({ kind: 'writing' });
    const written = await exportPackage.mutate({
      auditId: audit.id,
      for: returning ? '' : forName,
      includeEvidence: returning ? true : includeEvidence,
      identityId: identity.id,
      unlock: unlockFor(identity, passphrase),
      acceptExpired,
      by,
    });
    if (!written.ok) {
      setStage({ kind: 'idle' });
      if (written.error.code === 'certificate_expired') return setExpiredNotice(errorText(written.error));
      return setRefusal(written.error);
    }
    // The package is recorded as sent once written: team.export refreshes the list, even when the download is cancelled.
    if (controller.signal.aborted) {
      setStage({ kind: 'idle' });
      return setCancelled(true);
    }
    setStage({ kind: 'downloading', read: 0 });
    const pkg = written.value;
    const outcome = await downloadPackage(pkg, (read) => setStage({ kind: 'downloading', read }), controller.signal);
    abort.current = null;
    setStage({ kind: 'idle' });
    if ('error' in outcome) return setRefusal(outcome.error);
    if ('cancelled' in outcome) return setCancelled(true);
    const saved = {
      file: pkg.fileName,
      values: t('send.values', { count: pkg.changes }),
      files: t('send.evidenceFiles', { count: pkg.evidenceFiles }),
      size: formatBytes(pkg.size),
    };
    notifySuccess(
      returning
        ? t('send.savedToLead', saved)
        : forName
          ? t('send.savedToName', { ...saved, name: forName })
          : t('send.savedToTeam', saved),
    );
    reset();
    onClose();
  };

  const busy = stage.kind !== 'idle';
  const title = returning ? t('send.titleReturn') : t('send.titleSend');

  return (
    <Modal opened={opened} onClose={close} title={title} centered size="lg" closeOnEscape={!busy}>
      {identities.length === 0 ? (
        <Stack gap="sm">
          <Text size="sm">{t('send.noIdentity')}</Text>
          <Text size="sm">
            <Trans
              t={t}
              i18nKey="send.createOne"
              components={{ settings: <Anchor href={href('/settings/signing')} /> }}
            />
          </Text>
        </Stack>
      ) : (
        <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={title}>
          <Stack gap="md">
            <Text size="sm">{returning ? t('send.holdsReturn') : t('send.holdsSend')}</Text>
            {!returning && (
              <Select
                label={t('send.for')}
                description={t('send.forHint')}
                data={[
                  { value: EVERYONE, label: t('send.everyone') },
                  ...members.map((m) => ({ value: m.name, label: m.name })),
                ]}
                value={forWhom}
                onChange={(v) => v && setForWhom(v)}
                allowDeselect={false}
                disabled={busy}
              />
            )}
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
                identity ? t('send.signerSeesUntil', { date: formatCertDate(identity.notAfter) }) : t('send.signerSees')
              }
              identityError={pickError}
              passphraseError={passphraseError}
              disabled={busy}
            />
            {!returning && (
              <Checkbox
                label={t('send.includeEvidence')}
                description={
                  e
                    ? t('send.evidenceSize', {
                        files: t('send.files', { count: e.evidenceFiles }),
                        size: formatBytes(e.evidenceBytes),
                      })
                    : t('send.includeEvidenceHint')
                }
                checked={includeEvidence}
                onChange={(ev) => setIncludeEvidence(ev.currentTarget.checked)}
                disabled={busy}
              />
            )}
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="package-estimate">
              {e
                ? t(returning || includeEvidence ? 'send.estimateWith' : 'send.estimateWithout', {
                    values: t('send.values', { count: e.changes }),
                    deletions: t('send.deletions', { count: e.tombstones }),
                    files: t('send.evidenceFiles', { count: e.evidenceFiles }),
                    size: formatBytes(e.evidenceBytes),
                  })
                : estimate.error
                  ? t('send.estimateFailed', { error: errorText(estimate.error) })
                  : t('send.estimating')}
            </Text>
            {expiredNotice && (
              <Alert color="yellow" icon={<IconAlertTriangle />} title={t('send.expiredTitle')} role="alert">
                <Stack gap="xs">
                  <Text size="sm">{expiredNotice}</Text>
                  <Checkbox
                    label={t('send.signExpired')}
                    checked={acceptExpired}
                    onChange={(ev) => setAcceptExpired(ev.currentTarget.checked)}
                  />
                </Stack>
              </Alert>
            )}
            {refusal && !passphraseError && (
              <Alert color="red" icon={<IconAlertTriangle />} title={t('send.refused')} role="alert">
                {errorText(refusal)}
              </Alert>
            )}
            {cancelled && (
              <Text size="sm" c="dimmed" role="status">
                {t('send.cancelled')}
              </Text>
            )}
            {busy && (
              <Stack gap="xs" role="group" aria-label={t('send.progress')}>
                <Group justify="space-between" gap="sm">
                  <Text size="sm" aria-live="polite">
                    {stage.kind === 'writing' ? t('send.writing') : t('send.downloading')}
                  </Text>
                  <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={cancel}>
                    {t('common:cancel')}
                  </Button>
                </Group>
                <Progress
                  value={stage.kind === 'downloading' ? Math.round(stage.read * 100) : 100}
                  animated
                  striped={stage.kind === 'writing'}
                  aria-label={t('send.progressLabel')}
                />
              </Stack>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                {t('common:close')}
              </Button>
              <Button type="submit" loading={busy} disabled={expiredNotice !== null && !acceptExpired}>
                {expiredNotice ? t('send.signAnyway') : returning ? t('send.makeReturn') : t('send.make')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
