import { Alert, Anchor, Button, Checkbox, Group, Modal, Progress, Select, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconX } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '#shared/api/result';
import type { Audit } from '#shared/domain/audit';
import type { SigningIdentity } from '#shared/domain/signing';
import type { TeamRole } from '#shared/domain/team';
import { useOp, useWriteOp } from '../../api/ops';
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

/** "2,762 values": counts grouped as the user's locale writes them. */
const count = (n: number, one: string) => `${n.toLocaleString()} ${n === 1 ? one : `${one}s`}`;

/**
 * Lead (or solo): sends the audit to a team member, or to everyone, as a
 * signed package. Member: returns what changed since the last exchange. The
 * package is written by the backend, then read back in chunks and downloaded.
 */
export function SendModal({ opened, onClose, audit, role, identities, by }: Props) {
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
      ? refusal.message
      : null;

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    if (!identity) return setPickError('Choose the signing identity');
    if (identity.protection !== 'os_keychain' && !passphrase)
      return setRefusal({ code: 'wrong_passphrase', message: 'Enter the passphrase' });
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
      if (written.error.code === 'certificate_expired') return setExpiredNotice(written.error.message);
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
    notifySuccess(
      `${pkg.fileName} saved: ${count(pkg.changes, 'value')}, ${count(pkg.evidenceFiles, 'evidence file')}, ${formatBytes(pkg.size)}. Hand it to ${returning ? 'the lead' : forName || 'your team'}.`,
    );
    reset();
    onClose();
  };

  const busy = stage.kind !== 'idle';
  const title = returning ? 'Return my work to the lead' : 'Send to team member';

  return (
    <Modal opened={opened} onClose={close} title={title} centered size="lg" closeOnEscape={!busy}>
      {identities.length === 0 ? (
        <Stack gap="sm">
          <Text size="sm">
            A package is signed, so your colleague can tell it comes from you. There is no signing identity on this
            computer yet.
          </Text>
          <Text size="sm">
            Create one in <Anchor href={href('/settings/signing')}>Settings → Signing identities</Anchor>, then come
            back here.
          </Text>
        </Stack>
      ) : (
        <form onSubmit={(ev) => void submit(ev)} noValidate aria-label={title}>
          <Stack gap="md">
            <Text size="sm">
              {returning
                ? 'The package holds what changed here since your last exchange with the lead, and the evidence files the lead does not have yet.'
                : 'The package holds the client, the audit, its team, checklist and the records so far. The team member imports it on their own computer.'}
            </Text>
            {!returning && (
              <Select
                label="For"
                description="A team member who has returned work before gets only what changed since."
                data={[
                  { value: EVERYONE, label: 'Everyone on the team' },
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
                identity
                  ? `Your colleague sees this name and certificate when importing. Valid until ${formatCertDate(identity.notAfter)}.`
                  : 'Your colleague sees this name and certificate when importing.'
              }
              identityError={pickError}
              passphraseError={passphraseError}
              disabled={busy}
            />
            {!returning && (
              <Checkbox
                label="Include evidence files"
                description={
                  e
                    ? `${count(e.evidenceFiles, 'file')}, ${formatBytes(e.evidenceBytes)}`
                    : 'Photos and documents attached to the audit'
                }
                checked={includeEvidence}
                onChange={(ev) => setIncludeEvidence(ev.currentTarget.checked)}
                disabled={busy}
              />
            )}
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="package-estimate">
              {e
                ? `The package holds ${count(e.changes, 'value')} and ${count(e.tombstones, 'deletion')}${
                    returning || includeEvidence
                      ? `, with ${count(e.evidenceFiles, 'evidence file')} (${formatBytes(e.evidenceBytes)})`
                      : ', without evidence files'
                  }.`
                : estimate.error
                  ? `The size could not be worked out: ${estimate.error.message}`
                  : 'Working out the size…'}
            </Text>
            {expiredNotice && (
              <Alert color="yellow" icon={<IconAlertTriangle />} title="The certificate has expired" role="alert">
                <Stack gap="xs">
                  <Text size="sm">{expiredNotice}</Text>
                  <Checkbox
                    label="Sign with the expired certificate anyway"
                    checked={acceptExpired}
                    onChange={(ev) => setAcceptExpired(ev.currentTarget.checked)}
                  />
                </Stack>
              </Alert>
            )}
            {refusal && !passphraseError && (
              <Alert color="red" icon={<IconAlertTriangle />} title="No package made" role="alert">
                {refusal.message}
              </Alert>
            )}
            {cancelled && (
              <Text size="sm" c="dimmed" role="status">
                Cancelled: nothing was downloaded. The package stays listed as made; make it again when you need it.
              </Text>
            )}
            {busy && (
              <Stack gap="xs" role="group" aria-label="Package in progress">
                <Group justify="space-between" gap="sm">
                  <Text size="sm" aria-live="polite">
                    {stage.kind === 'writing' ? 'Writing and signing the package…' : 'Downloading the package…'}
                  </Text>
                  <Button size="xs" variant="default" leftSection={<IconX size={14} />} onClick={cancel}>
                    Cancel
                  </Button>
                </Group>
                <Progress
                  value={stage.kind === 'downloading' ? Math.round(stage.read * 100) : 100}
                  animated
                  striped={stage.kind === 'writing'}
                  aria-label="Package progress"
                />
              </Stack>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={close} disabled={busy}>
                Close
              </Button>
              <Button type="submit" loading={busy} disabled={expiredNotice !== null && !acceptExpired}>
                {expiredNotice ? 'Sign anyway' : returning ? 'Make return package' : 'Make package'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
