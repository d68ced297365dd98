import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconFilterOff, IconPhoto, IconSearch } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Audit } from '#shared/domain/audit';
import type { Evidence, EvidenceTarget } from '#shared/domain/evidence';
import { canEditAudit } from '#shared/rules/audit-status';
import { useInvalidateAfter, useOp } from '../../api/ops';
import { navigate, useLocation } from '../../lib/router';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { formatBytes } from '../../lib/files';
import { formatTimestamp, plural } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { formatCapturedAt } from '../../lib/dateTime';
import { observationName } from '../../lib/recordNames';
import { itemShort, useAuditRefs } from '../../lib/useAuditRefs';
import { DropArea, DropHint, FilePickers } from '../../components/evidence/AddFiles';
import { EvidenceViewer } from '../../components/evidence/EvidenceViewer';
import { linkHref, TARGET_LABELS } from '../../components/evidence/links';
import { Thumb } from '../../components/evidence/Thumb';
import { useUploader } from '../../components/evidence/useUploader';

type Kind = 'image' | 'pdf' | 'other';

const kindOf = (e: Evidence): Kind =>
  e.mediaType.startsWith('image/') ? 'image' : e.mediaType === 'application/pdf' ? 'pdf' : 'other';
const KIND_OPTIONS = [
  { value: 'image', label: 'Photos and images' },
  { value: 'pdf', label: 'PDF documents' },
  { value: 'other', label: 'Other files' },
];
const LINK_OPTIONS = [
  { value: 'checklist_item', label: 'Checklist items' },
  { value: 'interview', label: 'Interviews' },
  { value: 'observation', label: 'Observations' },
  { value: 'library_only', label: 'Only in the library' },
];

/** Names for the records attachments link to, loaded once for the whole library. */
function useLinkNames(audit: Audit) {
  const refs = useAuditRefs(audit);
  const interviews = useOp('interviews.list', { auditId: audit.id });
  const observations = useOp('observations.list', { auditId: audit.id });
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const [id, item] of refs.itemById) names.set(id, itemShort(item));
    for (const i of interviews.data ?? []) names.set(i.id, i.intervieweeName);
    for (const o of observations.data ?? []) names.set(o.id, observationName(o));
    return (link: EvidenceTarget) =>
      link.type === 'audit' ? TARGET_LABELS.audit : `${TARGET_LABELS[link.type]} ${names.get(link.id) ?? ''}`.trim();
  }, [refs.itemById, interviews.data, observations.data]);
}

function LinkBadges({
  auditId,
  links,
  label,
}: {
  auditId: string;
  links: EvidenceTarget[];
  label: (l: EvidenceTarget) => string;
}) {
  return (
    <Group gap={4}>
      {links.map((l) => {
        const to = linkHref(auditId, l);
        const text = label(l);
        return to ? (
          <Badge
            key={`${l.type}:${l.id}`}
            component="a"
            href={to}
            variant="light"
            size="sm"
            radius="sm"
            tt="none"
            style={{ cursor: 'pointer' }}
            onClick={(e) => e.stopPropagation()}
          >
            {text}
          </Badge>
        ) : (
          <Badge key={`${l.type}:${l.id}`} variant="default" size="sm" radius="sm" tt="none">
            {text}
          </Badge>
        );
      })}
    </Group>
  );
}

/** The Evidence tab: every attachment of the audit with what it is linked to; add, view, describe, delete. */
export function EvidenceLibrary({ audit }: { audit: Audit }) {
  const readOnly = !canEditAudit(audit.status);
  const base = `/audits/${audit.id}/evidence`;
  const list = useOp('evidence.list', { auditId: audit.id });
  const label = useLinkNames(audit);
  const openId = useLocation().query.get('open');
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<string | null>(null);
  const [linked, setLinked] = useState<string | null>(null);
  const links = useMemo<EvidenceTarget[]>(() => [{ type: 'audit', id: audit.id }], [audit.id]);
  const { reload } = list;
  // New files refresh this list and whatever else counts them (api/invalidation.ts).
  const invalidateAfter = useInvalidateAfter();
  const uploaded = useCallback(() => void invalidateAfter('evidence.uploadCommit'), [invalidateAfter]);
  const uploader = useUploader({ auditId: audit.id, team: audit.team, links, onDone: uploaded });

  const all = list.data;
  const viewing = openId ? (all?.find((e) => e.id === openId) ?? null) : null;
  useEffect(() => {
    if (!openId || !all || all.some((e) => e.id === openId)) return;
    notifyError({ code: 'not_found', message: 'This attachment does not exist any more.' }, 'Not found');
    navigate(base, { replace: true });
  }, [openId, all, base]);

  const shown = useMemo(() => {
    const words = search.trim().toLowerCase();
    return (all ?? []).filter((e) => {
      if (words && !`${e.originalName} ${e.description} ${e.addedBy}`.toLowerCase().includes(words)) return false;
      if (kind && kindOf(e) !== kind) return false;
      if (linked === 'library_only') return e.links.every((l) => l.type === 'audit');
      if (linked && !e.links.some((l) => l.type === linked)) return false;
      return true;
    });
  }, [all, search, kind, linked]);
  const filtered = Boolean(search.trim() || kind || linked);
  const clear = () => {
    setSearch('');
    setKind(null);
    setLinked(null);
  };
  const open = useCallback(
    (id: string) => navigate(`${base}?open=${encodeURIComponent(id)}`, { replace: true }),
    [base],
  );
  const close = useCallback(() => navigate(base, { replace: true }), [base]);

  let body;
  if (list.error && !all) body = <LoadError error={list.error} onRetry={reload} />;
  else if (!all) body = <TableSkeleton />;
  else if (all.length === 0)
    body = (
      <Card py={48}>
        <Empty
          title="No evidence yet"
          description={
            readOnly
              ? 'This audit is closed; no files were attached to it.'
              : 'Add photos, scans and files here — a whole folder from a camera card at once — or attach them to checklist items, interviews and observations as you go.'
          }
          icon={<IconPhoto />}
          variant="light"
          actions={!readOnly && <FilePickers onFiles={uploader.start} disabled={uploader.busy} />}
        />
      </Card>
    );
  else
    body = (
      <Stack gap="md">
        <Group align="flex-end" gap="sm" role="search">
          <TextInput
            label="Search"
            placeholder="File name, description or who added it"
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
          />
          <Select
            label="Type"
            placeholder="Any type"
            data={KIND_OPTIONS}
            value={kind}
            onChange={setKind}
            clearable
            w={190}
          />
          <Select
            label="Linked to"
            placeholder="Anything"
            data={LINK_OPTIONS}
            value={linked}
            onChange={setLinked}
            clearable
            w={200}
          />
        </Group>
        {shown.length === 0 ? (
          <Empty
            title="No attachment matches these filters"
            description="Try other words, or clear the filters to see all the evidence."
            icon={<IconFilterOff />}
            actions={
              filtered && (
                <Button variant="default" onClick={clear}>
                  Clear filters
                </Button>
              )
            }
          />
        ) : (
          <Card p={0}>
            <Table.ScrollContainer minWidth={760}>
              <Table aria-label="Evidence">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={72}>
                      <VisuallyHidden>Preview</VisuallyHidden>
                    </Table.Th>
                    <Table.Th>File</Table.Th>
                    <Table.Th>Taken / added</Table.Th>
                    <Table.Th>Linked to</Table.Th>
                    <Table.Th>Description</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((e) => (
                    <Table.Tr
                      key={e.id}
                      data-evidence-id={e.id}
                      aria-selected={e.id === openId}
                      bg={e.id === openId ? 'var(--mantine-primary-color-light)' : undefined}
                      onClick={() => open(e.id)}
                      style={{ cursor: 'pointer' }}
                    >
                      <Table.Td>
                        <Thumb evidence={e} size={48} />
                      </Table.Td>
                      <Table.Td>
                        <Anchor
                          href={`#${base}?open=${encodeURIComponent(e.id)}`}
                          fw={500}
                          size="sm"
                          onClick={(ev) => ev.stopPropagation()}
                        >
                          {e.originalName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {e.mediaType} · {formatBytes(e.size)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.capturedAt ? formatCapturedAt(e.capturedAt) : '—'}</Text>
                        <Text size="xs" c="dimmed">
                          added {formatTimestamp(e.createdAt)}
                          {e.addedBy ? ` by ${e.addedBy}` : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <LinkBadges auditId={audit.id} links={e.links} label={label} />
                      </Table.Td>
                      <Table.Td maw={280}>
                        <Text size="sm" lineClamp={2} c={e.description ? undefined : 'dimmed'}>
                          {e.description || '—'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Text size="xs" c="dimmed" px="md" py="xs" aria-live="polite">
              {shown.length === all.length
                ? plural(all.length, 'attachment')
                : `${shown.length} of ${plural(all.length, 'attachment')}`}
            </Text>
          </Card>
        )}
      </Stack>
    );

  return (
    <DropArea onFiles={uploader.start} enabled={!readOnly} label="Evidence library">
      <Stack gap="md">
        {!readOnly && all && all.length > 0 && (
          <Group justify="space-between" gap="sm">
            <DropHint />
            <FilePickers onFiles={uploader.start} disabled={uploader.busy} />
          </Group>
        )}
        {body}
      </Stack>
      {uploader.modal}
      <EvidenceViewer
        evidence={viewing}
        onClose={close}
        readOnly={readOnly}
        canDelete
        links={viewing ? <LinkBadges auditId={audit.id} links={viewing.links} label={label} /> : undefined}
      />
    </DropArea>
  );
}
