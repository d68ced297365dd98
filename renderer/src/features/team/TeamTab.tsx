import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { IconPackageExport, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import { canEditAudit } from '#shared/rules/audit-status';
import { useOp } from '../../api/ops';
import { navigate } from '../../lib/router';
import { Block } from '../../components/Block';
import { Empty } from '../../components/Empty';
import { LoadError, PageLoader } from '../../components/LoadState';
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
  const { t } = useTranslation('team');
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
  const sendLabel = member ? t('tab.return') : t('tab.send');
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
      <Block title={t('tab.title')}>
        <Stack gap="sm">
          <Alert
            color={s.role === 'solo' ? 'gray' : 'blue'}
            icon={<IconUsersGroup />}
            title={s.role === 'lead' ? t('tab.lead') : member ? t('tab.member') : t('tab.solo')}
          >
            {roleText(s)}
          </Alert>
          {member && (
            <NativeSelect
              label={t('tab.iAm')}
              description={me ? t('tab.iAmSet') : t('tab.iAmUnset')}
              data={[
                { value: '', label: t('tab.chooseYourself') },
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
                {t('tab.openConflicts', { count: s.openConflicts })}
              </Button>
            ) : (
              <Text size="sm">{t('tab.noOpenConflicts')}</Text>
            )}
            {s.conflictsResolved > 0 && (
              <Text size="sm" c="dimmed">
                {t('tab.resolvedSoFar', { count: s.conflictsResolved })}
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
      <Block title={t('tab.exchanged')}>
        {s.exchanges.length > 0 ? (
          <ExchangeList exchanges={s.exchanges} />
        ) : (
          <Empty
            icon={<IconPackageExport />}
            title={t('tab.nothingExchanged')}
            description={member ? t('tab.nothingExchangedMember') : t('tab.nothingExchangedLead')}
          />
        )}
      </Block>
      <section id="conflicts" aria-label={t('tab.conflicts')}>
        <Block title={t('tab.conflicts')}>
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
