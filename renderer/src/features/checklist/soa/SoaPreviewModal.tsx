import { Alert, Button, Group, Modal, ScrollArea, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { SoaEntry, SoaPreview } from '#shared/domain/checklist';
import type { PendingSoa } from './SoaImport';

interface Props {
  pending: PendingSoa | null;
  applying: boolean;
  onApply: () => void;
  onCancel: () => void;
}

/** What the SoA file would change, with everything that did not fit listed — nothing is dropped silently. */
export function SoaPreviewModal({ pending, applying, onApply, onCancel }: Props) {
  const outcome = pending?.outcome;
  return (
    <Modal
      opened={pending !== null}
      onClose={onCancel}
      title={`Statement of Applicability: ${pending?.file.name ?? ''}`}
      size="xl"
      centered
    >
      {outcome && !outcome.ok && (
        <Stack>
          <Alert color="red" icon={<IconAlertTriangle />} title="This file cannot be imported" role="alert">
            {outcome.error.message}
            {outcome.error.issues?.map((i) => (
              <Text key={`${i.path.join('.')}:${i.message}`} size="sm">
                {i.message}
              </Text>
            ))}
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Close
            </Button>
          </Group>
        </Stack>
      )}
      {outcome?.ok && (
        <Stack gap="md">
          <PreviewBody preview={outcome.value} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
            <Button onClick={onApply} loading={applying}>
              Apply
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

function PreviewBody({ preview: p }: { preview: SoaPreview }) {
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: 4 }}>
        <Fact label="SoA version" value={p.version ?? 'not stated in the file'} />
        <Fact label="Rows read" value={p.rows} />
        <Fact label="Changes" value={p.changes.length} />
        <Fact label="Unchanged" value={p.unchanged} />
      </SimpleGrid>
      {p.problems.length + p.unknown.length + p.duplicates.length + p.missing.length > 0 && (
        <Alert color="orange" icon={<IconAlertTriangle />} title="Check these before applying">
          Rows listed below are not applied; controls missing from the file keep what they have.
        </Alert>
      )}
      <Section title={`Excluded controls (${p.excluded.length})`} show={p.excluded.length > 0}>
        <SimpleTable
          label="Excluded controls"
          head={['Control', 'Justification']}
          rows={p.excluded.map((x) => [`${x.number} ${x.title}`, x.justification || '— no justification given —'])}
        />
      </Section>
      <Section title={`Changes (${p.changes.length})`} show>
        {p.changes.length === 0 ? (
          <Text size="sm" c="dimmed">
            Applying this file changes nothing.
          </Text>
        ) : (
          <ScrollArea.Autosize mah={260}>
            <SimpleTable
              label="Changes"
              head={['Control', 'Before', 'After']}
              rows={p.changes.map((c) => [`${c.number} ${c.title}`, describe(c.before), describe(c.after)])}
            />
          </ScrollArea.Autosize>
        )}
      </Section>
      <Section title={`Unknown control numbers (${p.unknown.length})`} show={p.unknown.length > 0}>
        <SimpleTable
          label="Unknown control numbers"
          head={['Line', 'Number']}
          rows={p.unknown.map((u) => [u.line, u.number])}
        />
      </Section>
      <Section title={`Duplicates (${p.duplicates.length})`} show={p.duplicates.length > 0}>
        <SimpleTable label="Duplicates" head={['Line', 'Number']} rows={p.duplicates.map((d) => [d.line, d.number])} />
      </Section>
      <Section title={`Controls missing from the file (${p.missing.length})`} show={p.missing.length > 0}>
        <Text size="sm">{p.missing.map((m) => `${m.number} ${m.title}`).join(' · ')}</Text>
      </Section>
      <Section title={`Problems (${p.problems.length})`} show={p.problems.length > 0}>
        <SimpleTable label="Problems" head={['Line', 'Problem']} rows={p.problems.map((x) => [x.line, x.message])} />
      </Section>
    </>
  );
}

/** One SoA entry in words; the justification is shown for both answers, as it is often what changed. */
const describe = (e: SoaEntry | null): string => {
  if (!e) return 'Not recorded';
  const head = e.applicable ? 'Applicable' : 'Excluded';
  const why = e.justification ? ` — ${e.justification}` : e.applicable ? '' : ' — no justification';
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

function Section({ title, show, children }: { title: string; show: boolean; children: ReactNode }) {
  if (!show) return null;
  return (
    <section aria-label={title.replace(/ \(\d+\)$/, '')}>
      <Title order={4} size="h6" mb={4}>
        {title}
      </Title>
      {children}
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
