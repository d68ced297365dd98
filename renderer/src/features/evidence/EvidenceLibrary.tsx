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
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconPhoto, IconSearch } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import type { EvidenceTarget } from '#shared/domain/evidence';
import type { EvidenceKind, EvidenceLinkedFilter } from '#shared/domain/evidence-page';
import { canEditAudit } from '#shared/rules/audit-status';
import { useInvalidateAfter, useOp } from '../../api/ops';
import { navigate, useLocation } from '../../lib/router';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { formatBytes } from '../../lib/files';
import { formatTimestamp } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { formatCapturedAt } from '../../lib/dateTime';
import { observationName } from '../../lib/recordNames';
import { itemShort, useAuditRefs } from '../../lib/useAuditRefs';
import { DropArea, DropHint, FilePickers } from '../../components/evidence/AddFiles';
import { EvidenceViewer } from '../../components/evidence/EvidenceViewer';
import { linkHref } from '../../components/evidence/links';
import { Sha256 } from '../../components/evidence/Sha256';
import { Thumb } from '../../components/evidence/Thumb';
import { useUploader } from '../../components/evidence/useUploader';
import { useEvidencePages } from './useEvidencePages';

/** The search waits for a pause in typing before asking the backend. */
const SEARCH_DEBOUNCE_MS = 200;

const KINDS: readonly EvidenceKind[] = ['image', 'pdf', 'other'];
const LINKED: readonly EvidenceLinkedFilter[] = ['checklist_item', 'interview', 'observation', 'library_only'];

/** Names for the records attachments link to, loaded once for the whole library. */
function useLinkNames(audit: Audit, t: TFunction<'evidence'>) {
  const refs = useAuditRefs(audit);
  const interviews = useOp('interviews.list', { auditId: audit.id });
  const observations = useOp('observations.list', { auditId: audit.id });
  const findings = useOp('findings.list', { auditId: audit.id });
  return useMemo(() => {
    const names = new Map<string, string>();
    for (const [id, item] of refs.itemById) names.set(id, itemShort(item));
    for (const i of interviews.data ?? []) names.set(i.id, i.intervieweeName);
    for (const o of observations.data ?? []) names.set(o.id, observationName(o));
    // Which finding: its number once issued ("Finding NC-02"), null for a draft.
    const findingNumbers = new Map((findings.data ?? []).map((f) => [f.id, f.number]));
    return (link: EvidenceTarget) => {
      if (link.type === 'audit') return t('targetLabel.audit');
      if (link.type === 'finding' || link.type === 'finding_verification') {
        const verification = link.type === 'finding_verification';
        if (!findingNumbers.has(link.id)) return t(`targetLabel.${link.type}`);
        const number = findingNumbers.get(link.id);
        if (number) return t(verification ? 'link.verification' : 'link.finding', { number });
        return t(verification ? 'link.verificationDraft' : 'link.findingDraft');
      }
      const name = names.get(link.id);
      return name ? t(`link.${link.type}`, { name }) : t(`targetLabel.${link.type}`);
    };
  }, [refs.itemById, interviews.data, observations.data, findings.data, t]);
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
  const { t } = useTranslation('evidence');
  const base = `/audits/${audit.id}/evidence`;
  const label = useLinkNames(audit, t);
  const openId = useLocation().query.get('open');
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<EvidenceKind | null>(null);
  const [linked, setLinked] = useState<EvidenceLinkedFilter | null>(null);
  const [words] = useDebouncedValue(search.trim(), SEARCH_DEBOUNCE_MS);
  // Filtered and paged in SQL (evidence.page): a camera card of thousands of photos is never loaded whole.
  const list = useEvidencePages({
    auditId: audit.id,
    ...(words ? { search: words } : {}),
    ...(kind ? { kind } : {}),
    ...(linked ? { linked } : {}),
  });
  const links = useMemo<EvidenceTarget[]>(() => [{ type: 'audit', id: audit.id }], [audit.id]);
  const { reload } = list;
  // New files refresh this list and whatever else counts them (api/invalidation.ts).
  const invalidateAfter = useInvalidateAfter();
  const uploaded = useCallback(() => void invalidateAfter('evidence.uploadCommit'), [invalidateAfter]);
  const uploader = useUploader({ auditId: audit.id, team: audit.team, links, onDone: uploaded });

  const shown = list.rows;
  // The attachment in the address may be on a page not loaded yet: the viewer reads it by itself.
  const opened = useOp('evidence.get', { id: openId ?? '' }, { enabled: Boolean(openId) });
  const viewing = openId && opened.data?.id === openId ? opened.data : null;
  const openError = openId ? opened.error : undefined;
  useEffect(() => {
    if (openError?.code !== 'not_found') return;
    notifyError({ code: 'not_found', message: t('library.notFound') }, t('library.notFoundTitle'));
    navigate(base, { replace: true });
  }, [openError, base, t]);

  const filtered = Boolean(search.trim() || kind || linked);
  // "Show more" keeps the keyboard where the reading left off: on the first of the rows it added.
  const tbody = useRef<HTMLTableSectionElement>(null);
  const focusFrom = useRef<number | null>(null);
  const { loadMore } = list;
  const showMore = useCallback(() => {
    focusFrom.current = shown?.length ?? null;
    loadMore();
  }, [shown?.length, loadMore]);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || !shown || shown.length <= from) return;
    focusFrom.current = null;
    tbody.current?.querySelectorAll<HTMLElement>('tr a')[from]?.focus();
  }, [shown]);
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
  if (list.error && !shown) body = <LoadError error={list.error} onRetry={reload} />;
  else if (!shown || list.all === undefined) body = <TableSkeleton />;
  else if (list.all === 0)
    body = (
      <Card py={48}>
        <Empty
          title={t('library.empty')}
          description={readOnly ? t('library.emptyClosed') : t('library.emptyHint')}
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
            label={t('library.search')}
            placeholder={t('library.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 240px' }}
          />
          <Select
            label={t('library.type')}
            placeholder={t('library.anyType')}
            data={KINDS.map((value) => ({ value, label: t(`library.kind.${value}`) }))}
            value={kind}
            onChange={setKind}
            clearable
            w={190}
          />
          <Select
            label={t('library.linkedTo')}
            placeholder={t('library.anything')}
            data={LINKED.map((value) => ({ value, label: t(`library.linked.${value}`) }))}
            value={linked}
            onChange={setLinked}
            clearable
            w={200}
          />
        </Group>
        {shown.length === 0 ? (
          <Empty
            title={t('library.noMatch')}
            description={t('library.noMatchHint')}
            icon={<IconFilterOff />}
            actions={
              filtered && (
                <Button variant="default" onClick={clear}>
                  {t('library.clearFilters')}
                </Button>
              )
            }
          />
        ) : (
          <Card p={0}>
            <Table.ScrollContainer minWidth={760}>
              <Table aria-label={t('library.tableLabel')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={72}>
                      <VisuallyHidden>{t('library.preview')}</VisuallyHidden>
                    </Table.Th>
                    <Table.Th>{t('library.file')}</Table.Th>
                    <Table.Th>{t('library.takenAdded')}</Table.Th>
                    <Table.Th>{t('library.linkedTo')}</Table.Th>
                    <Table.Th>{t('library.description')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody ref={tbody}>
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
                        <Sha256 value={e.sha256} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{e.capturedAt ? formatCapturedAt(e.capturedAt) : '—'}</Text>
                        <Text size="xs" c="dimmed">
                          {e.addedBy
                            ? t('library.addedBy', { time: formatTimestamp(e.createdAt), who: e.addedBy })
                            : t('library.added', { time: formatTimestamp(e.createdAt) })}
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
            <Group justify="space-between" px="md" py="xs">
              <Text size="xs" c="dimmed" aria-live="polite">
                {countText(t, shown.length, list.total ?? shown.length, list.all)}
              </Text>
              {list.hasMore && (
                <Button variant="default" size="xs" onClick={showMore} loading={list.loadingMore}>
                  {t('library.showMore')}
                </Button>
              )}
            </Group>
          </Card>
        )}
      </Stack>
    );

  return (
    <DropArea onFiles={uploader.start} enabled={!readOnly} label={t('library.label')}>
      <Stack gap="md">
        {!readOnly && (list.all ?? 0) > 0 && (
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

/** "30 attachments", "12 of 30 attachments", "50 shown · 12,000 attachments". */
function countText(t: TFunction<'evidence'>, shown: number, matching: number, all: number): string {
  const of = matching === all ? t('library.count', { count: all }) : t('library.countOf', { matching, count: all });
  return shown < matching ? t('library.shown', { shown, of }) : of;
}
