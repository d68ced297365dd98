import { Alert, Button, Group, Modal, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SoaEntry, SoaPreview } from '#shared/domain/checklist';
import { errorText } from '../../../i18n/errorText';
import type { PendingSoa } from './SoaImport';

interface Props {
  pending: PendingSoa | null;
  applying: boolean;
  onApply: () => void;
  onCancel: () => void;
}

/** What the SoA file would change, with everything that did not fit listed — nothing is dropped silently. */
export function SoaPreviewModal({ pending, applying, onApply, onCancel }: Props) {
  const { t } = useTranslation('checklist');
  const outcome = pending?.outcome;
  return (
    <Modal
      opened={pending !== null}
      onClose={onCancel}
      title={t('soa.title', { name: pending?.file.name ?? '' })}
      size="xl"
      centered
    >
      {outcome && !outcome.ok && (
        <Stack>
          <Alert color="red" icon={<IconAlertTriangle />} title={t('soa.cannotImport')} role="alert">
            {errorText(outcome.error)}
            {outcome.error.issues?.map((i) => (
              <Text key={`${i.path.join('.')}:${i.message}`} size="sm">
                {i.message}
              </Text>
            ))}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('soa.close')}
            </Button>
          </Group>
        </Stack>
      )}
      {outcome?.ok && (
        <Stack gap="md">
          <PreviewBody preview={outcome.value} t={t} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('soa.cancel')}
            </Button>
            <Button onClick={onApply} loading={applying}>
              {t('soa.apply')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function PreviewBody({ preview: p, t }: { preview: SoaPreview; t: TFunction<'checklist'> }) {
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label={t('soa.version')} value={p.version ?? t('soa.noVersion')} />
        <Fact label={t('soa.rows')} value={p.rows} />
        <Fact label={t('soa.changes')} value={p.changes.length} />
        <Fact label={t('soa.unchanged')} value={p.unchanged} />
      </SimpleGrid>
      {p.problems.length + p.unknown.length + p.duplicates.length + p.missing.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle />} title={t('soa.checkFirst')}>
          {t('soa.checkFirstHint')}
        </Alert>
      )}
      <Section label={t('soa.excluded')} count={p.excluded.length} show={p.excluded.length > 0}>
        <SimpleTable
          label={t('soa.excluded')}
          head={[t('soa.control'), t('soa.justification')]}
          rows={p.excluded.map((x) => [`${x.number} ${x.title}`, x.justification || t('soa.noJustificationGiven')])}
        />
      </Section>
      <Section label={t('soa.changes')} count={p.changes.length} show>
        {p.changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('soa.nothingChanges')}
          </Text>
        ) : (
          <ScrollArea.Autosize mah={260}>
            <SimpleTable
              label={t('soa.changes')}
              head={[t('soa.control'), t('soa.before'), t('soa.after')]}
              rows={p.changes.map((c) => [`${c.number} ${c.title}`, describe(c.before, t), describe(c.after, t)])}
            />
          </ScrollArea.Autosize>
        )}
      </Section>
      <Section label={t('soa.unknown')} count={p.unknown.length} show={p.unknown.length > 0}>
        <SimpleTable
          label={t('soa.unknown')}
          head={[t('soa.line'), t('soa.number')]}
          rows={p.unknown.map((u) => [u.line, u.number])}
        />
      </Section>
      <Section label={t('soa.duplicates')} count={p.duplicates.length} show={p.duplicates.length > 0}>
        <SimpleTable
          label={t('soa.duplicates')}
          head={[t('soa.line'), t('soa.number')]}
          rows={p.duplicates.map((d) => [d.line, d.number])}
        />
      </Section>
      <Section label={t('soa.missing')} count={p.missing.length} show={p.missing.length > 0}>
        <Text size="sm">{p.missing.map((m) => `${m.number} ${m.title}`).join(' · ')}</Text>
      </Section>
      <Section label={t('soa.problems')} count={p.problems.length} show={p.problems.length > 0}>
        <SimpleTable
          label={t('soa.problems')}
          head={[t('soa.line'), t('soa.problem')]}
          rows={p.problems.map((x) => [x.line, x.message])}
        />
      </Section>
    </>
  );
}

/** One SoA entry in words; the justification is shown for both answers, as it is often what changed. */
const describe = (e: SoaEntry | null, t: TFunction<'checklist'>): string => {
  if (!e) return t('soa.notRecorded');
  const head = e.applicable ? t('soa.applicable') : t('soa.excludedEntry');
  const why = e.justification ? ` — ${e.justification}` : e.applicable ? '' : ` — ${t('soa.noJustification')}`;
  return `${head}${why}${e.status ? ` · ${e.status}` : ''}`;
};

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

function Section(props: { label: string; count: number; show: boolean; children: ReactNode }) {
  const { t } = useTranslation('checklist');
  if (!props.show) return null;
  return (
    <section aria-label={props.label}>
      <Title order={4} size="h6" mb={4}>
        {t('soa.withCount', { label: props.label, count: props.count })}
      </Title>
      {props.children}
    </section>
  );
}

function SimpleTable({ label, head, rows }: { label: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <Table aria-label={label} verticalSpacing={4} highlightOnHover={false}>
      <Table.Thead>
        <Table.Tr>
          {head.map((h) => (
            <Table.Th key={h}>{h}</Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r, i) => (
          <Table.Tr key={i}>
            {r.map((cell, j) => (
              <Table.Td key={j}>
                <Text size="sm">{cell}</Text>
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
