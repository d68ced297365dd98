import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconPackageExport, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { Audit } from '#shared/domain/audit';
import { canEditAudit } from '#shared/rules/audit-status';
import { useOp } from '../../api/ops';
import { navigate } from '../../lib/router';
import { Block } from '../../components/Block';
import { Empty } from '../../components/Empty';
import { LoadError, PageLoader } from '../../components/LoadState';
import { plural } from '../../lib/format';
import { useMe } from '../../lib/useMe';
import { ConflictsSection } from './ConflictsSection';
import { ExchangeList } from './ExchangeList';
import { ImportPackage } from './ImportPackage';
import { roleText } from './labels';
import { SendModal } from './SendModal';

interface Props {
  audit: Audit;
}

/** Audit → Team: who leads, the packages exchanged, sending and importing, and the open conflicts. */
export function TeamTab({ audit }: Props) {
  // As useActor, but with the choice on this tab: "I am" here and on the checklist is one setting.
  const teamIds = useMemo(() => audit.team.map((m) => m.id), [audit.team]);
  const [me, setMe] = useMe(audit.id, teamIds);
  const lead = audit.team.find((m) => m.role === 'lead_auditor');
  const by = audit.team.find((m) => m.id === me)?.name ?? lead?.name ?? '';
  // The same cached read as the audit page's conflicts badge; imports and decisions refresh both.
  const status = useOp('team.status', { auditId: audit.id });
  const identities = useOp('signing.list', {});
  const [sending, setSending] = useState(false);
  const [conflictsKey, setConflictsKey] = useState(0);

  if (status.error && !status.data) return <LoadError error={status.error} onRetry={status.reload} />;
  if (!status.data) return <PageLoader />;
  const s = status.data;
  const member = s.role === 'member';
  const sendLabel = member ? 'Return my work to the lead…' : 'Send to team member…';
  const editable = canEditAudit(audit.status);

  const importer = (
    <ImportPackage
      auditId={audit.id}
      by={by}
      onImported={(preview) => {
        setConflictsKey((k) => k + 1);
        if (preview.auditId !== audit.id) navigate(`/audits/${preview.auditId}/team`);
      }}
    />
  );
  const sender = (
    <Button
      leftSection={<IconPackageExport size={16} />}
      onClick={() => {
        identities.reload();
        setSending(true);
      }}
    >
      {sendLabel}
    </Button>
  );

  return (
    <Stack gap="lg">
      <Block title="Team">
        <Stack gap="sm">
          <Alert
            color={s.role === 'solo' ? 'gray' : 'blue'}
            icon={<IconUsersGroup />}
            title={s.role === 'lead' ? 'Team lead' : member ? 'Team copy' : 'Solo'}
          >
            {roleText(s)}
          </Alert>
          {member && (
            <NativeSelect
              label="I am"
              description={
                me
                  ? 'Your edits and packages carry this name.'
                  : 'Say who you are: until then your edits carry the lead auditor’s name.'
              }
              data={[
                { value: '', label: 'Choose yourself' },
                ...audit.team.map((m) => ({ value: m.id, label: m.name })),
              ]}
              value={me ?? ''}
              onChange={(e) => setMe(e.currentTarget.value || null)}
              w={320}
            />
          )}
          <Group gap="sm">
            {s.openConflicts > 0 ? (
              <Button
                size="compact-sm"
                color="red"
                onClick={() => document.getElementById('conflicts')?.scrollIntoView({ behavior: 'smooth' })}
              >
                {plural(s.openConflicts, 'open conflict')}
              </Button>
            ) : (
              <Text size="sm">No open conflicts.</Text>
            )}
            {s.conflictsResolved > 0 && (
              <Text size="sm" c="dimmed">
                {plural(s.conflictsResolved, 'conflict')} resolved so far.
              </Text>
            )}
          </Group>
          {editable && (
            <Group gap="sm">
              {sender}
              {importer}
            </Group>
          )}
        </Stack>
      </Block>
      <Block title="Packages exchanged">
        {s.exchanges.length > 0 ? (
          <ExchangeList exchanges={s.exchanges} />
        ) : (
          <Empty
            icon={<IconPackageExport />}
            title="Nothing exchanged yet"
            description={
              member
                ? 'When your work is done, return it to the lead: “Return my work to the lead…” makes a signed package with what changed here.'
                : 'Send the audit to a team member: “Send to team member…” makes a signed package. Hand them the file (USB stick, e-mail, file share); they open it with “Import package…” in Audits. Their returns come back the same way.'
            }
          />
        )}
      </Block>
      <section id="conflicts" aria-label="Conflicts">
        <Block title="Conflicts">
          <ConflictsSection key={conflictsKey} auditId={audit.id} by={by} readOnly={!editable} />
        </Block>
      </section>
      <SendModal
        opened={sending}
        onClose={() => setSending(false)}
        audit={audit}
        role={s.role}
        identities={identities.data ?? []}
        by={by}
      />
    </Stack>
  );
}
