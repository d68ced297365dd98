import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import { useOp } from '../../api/ops';
import { href } from '../../lib/router';
import { Block } from '../../components/Block';
import { CarriedFindings } from './CarriedFindings';
import { ComparisonSection } from './ComparisonSection';
import { PlanNextModal } from './PlanNextModal';
import { RecommendationPanel } from './RecommendationPanel';

/** This audit's place in the client's certification cycle: what it inherits, how it compares, what it recommends. */
export function CycleTab({ audit }: { audit: Audit }) {
  const { t } = useTranslation('programme');
  return (
    <Stack gap="lg">
      <PlanNextShortcut audit={audit} />
      {/* The decision first; the long requirement-by-requirement comparison last. */}
      <Block>
        <RecommendationPanel audit={audit} />
      </Block>
      <Block>
        <Title order={3} size="h5" mb="sm">
          {t('cycle.carriedTitle')}
        </Title>
        <CarriedFindings auditId={audit.id} />
      </Block>
      <Block>
        <ComparisonSection auditId={audit.id} />
      </Block>
    </Stack>
  );
}

/** Offered once this audit has taken place and is the one the next audit of the cycle would be planned from. */
function PlanNextShortcut({ audit }: { audit: Audit }) {
  const { t } = useTranslation('programme');
  const programme = useOp('programme.get', { clientId: audit.clientId });
  const [planning, setPlanning] = useState(false);
  const next = programme.data?.next;
  if (!next || next.fromAuditId !== audit.id || audit.status === 'planned') return null;
  return (
    <Group justify="space-between">
      <Text size="sm" c="dimmed">
        <Trans
          t={t}
          i18nKey="cycle.notPlanned"
          components={{ programme: <Anchor href={href(`/clients/${audit.clientId}`)} size="sm" /> }}
        />
      </Text>
      <Button leftSection={<IconCalendarPlus size={16} />} onClick={() => setPlanning(true)}>
        {t('cycle.planNext', { type: t(`labels:auditType.${next.type}`) })}
      </Button>
      <PlanNextModal clientId={audit.clientId} next={next} opened={planning} onClose={() => setPlanning(false)} />
    </Group>
  );
}
