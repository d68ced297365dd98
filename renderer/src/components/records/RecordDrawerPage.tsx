import { Anchor, Button, Card, Drawer, Group, Kbd, Table, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Audit } from '#shared/domain/audit';
import { canEditAudit } from '#shared/rules/audit-status';
import type { ApiError } from '#shared/api/result';
import { navigate, useLocation } from '../../lib/router';
import { Empty } from '../Empty';
import { LoadError, TableSkeleton } from '../LoadState';
import { notifyError } from '../../lib/notify';
import { useEscapeOnTop } from '../../lib/useEscapeOnTop';

/** An audit's records of one kind as a page holds them. */
export interface RecordsState<T extends { id: string }> {
  rows: T[] | undefined;
  /** True while the list is being (re)loaded: rows may be an older answer that lacks a record just made. */
  loading: boolean;
  error: ApiError | undefined;
  /** Asks again (a Retry button); writes refresh the list through the invalidation map. */
  reload: () => void;
  /** Puts a record the server just returned in place (or in the list, when new), without a reload. */
  upsert: (record: T) => void;
  remove: (id: string) => void;
}

const NEW = 'new';

/** The kinds of record a page lists; each has its own sentences in the records namespace (`records:<kind>.*`). */
export type RecordNoun = 'interview' | 'observation' | 'document' | 'finding';

export interface Column<T> {
  header: string;
  cell: (record: T) => ReactNode;
  /** The column that names the record: it holds the link that opens it. */
  main?: boolean;
  nowrap?: boolean;
}

export interface EditorArgs<T> {
  /** Null while creating. */
  record: T | null;
  readOnly: boolean;
  /** The server's answer after a create or a save. */
  onSaved: (record: T) => void;
  onDeleted: (id: string) => void;
  /** The editor says whether closing now would lose typed changes. */
  setDirtyCheck: (check: (() => boolean) | null) => void;
}

interface RecordDrawerPageProps<T extends { id: string }> {
  audit: Audit;
  /** The audit tab's path: `/audits/<id>/<section>`. */
  section: 'interviews' | 'observations' | 'documents' | 'findings';
  /** Which kind: picks its whole sentences ("New interview", "1 finding") from the records catalogue. */
  noun: RecordNoun;
  state: RecordsState<T>;
  columns: Column<T>[];
  /** `readOnly`: what a closed audit's empty list says instead of the description. */
  empty: { title: string; description: string; icon: ReactNode; readOnly?: string };
  drawerTitle: (record: T | null) => string;
  editor: (args: EditorArgs<T>) => ReactNode;
  /** Shown above the list (the audit's finding settings). */
  header?: ReactNode;
  /** Below it, the table scrolls sideways; default 720 px. */
  tableMinWidth?: number;
  /** Why no record can be created now (findings before fieldwork): the New button is disabled and says so. */
  createBlocked?: string;
}

/**
 * An audit tab listing one kind of record, with its drawer (interviews,
 * observations, documents, findings): "n" starts a new one,
 * a row's link (or Enter on it) opens it, Esc closes it. The open record
 * lives in the address (`?open=<id>`), so search hits and links land on it.
 */
export function RecordDrawerPage<T extends { id: string }>(props: RecordDrawerPageProps<T>) {
  const { audit, section, noun, state, columns, empty, drawerTitle, editor } = props;
  const readOnly = !canEditAudit(audit.status);
  const { t } = useTranslation('records');
  const base = `/audits/${audit.id}/${section}`;
  const openParam = useLocation().query.get('open');
  // A new record's drawer is in the address too (`?open=new`): a reload reopens it with its journaled form.
  const creating = openParam === NEW && !readOnly && !props.createBlocked;
  const openId = openParam === NEW ? null : openParam;
  const [dirtyCheck, setDirtyCheckState] = useState<{ check: () => boolean } | null>(null);
  const setDirtyCheck = useCallback(
    (check: (() => boolean) | null) => setDirtyCheckState(check ? { check } : null),
    [],
  );
  const rows = state.rows;
  const open = openId ? rows?.find((r) => r.id === openId) : undefined;
  const drawerOpen = creating || open !== undefined;

  // A link to a record that is not (or no longer) there: say so, and show the list — judged on a
  // fresh answer only (a cached list shown while it reloads may predate a record just raised elsewhere).
  const loading = state.loading;
  useEffect(() => {
    if (!openId || !rows || loading || rows.some((r) => r.id === openId)) return;
    notifyError({ code: 'not_found', message: t(`${noun}.notFound`) }, t('page.notFound'));
    navigate(base, { replace: true });
  }, [openId, rows, loading, noun, base, t]);

  useEffect(() => {
    if (openId && open) document.getElementById(`record-${openId}`)?.scrollIntoView({ block: 'nearest' });
  }, [openId, open]);

  const blocked = props.createBlocked;
  const startCreate = () => {
    if (readOnly || blocked) return;
    navigate(`${base}?open=${NEW}`, { replace: true });
  };

  const closeNow = () => {
    setDirtyCheckState(null);
    if (openParam) navigate(base, { replace: true });
  };
  const requestClose = () => {
    if (!dirtyCheck?.check()) return closeNow();
    modals.openConfirmModal({
      title: t('page.discardTitle'),
      children: <Text size="sm">{t('page.discardBody')}</Text>,
      labels: { confirm: t('page.discard'), cancel: t('page.keepEditing') },
      confirmProps: { color: 'red' },
      onConfirm: closeNow,
    });
  };

  useHotkeys([['n', () => !drawerOpen && startCreate()]]);
  const drawerId = useId();
  useEscapeOnTop(drawerId, drawerOpen, requestClose);

  const args: EditorArgs<T> = {
    record: creating ? null : (open ?? null),
    readOnly,
    onSaved: (record) => {
      state.upsert(record);
      if (creating) {
        navigate(`${base}?open=${encodeURIComponent(record.id)}`, { replace: true });
      }
    },
    onDeleted: (id) => {
      state.remove(id);
      closeNow();
    },
    setDirtyCheck,
  };

  const blockedId = useId();
  const newButton = !readOnly && (
    <Group gap="xs" justify="flex-end">
      {blocked && (
        <Text size="xs" c="dimmed" id={blockedId} maw={360}>
          {blocked}
        </Text>
      )}
      <Button
        leftSection={<IconPlus size={16} />}
        onClick={startCreate}
        disabled={Boolean(blocked)}
        aria-describedby={blocked ? blockedId : undefined}
        aria-keyshortcuts={blocked ? undefined : 'n'}
      >
        {t(`${noun}.new`)}
      </Button>
    </Group>
  );

  let body: ReactNode;
  if (state.error && !rows) body = <LoadError error={state.error} onRetry={state.reload} />;
  else if (!rows) body = <TableSkeleton />;
  else if (rows.length === 0)
    body = (
      <Card py={48}>
        <Empty
          title={empty.title}
          description={readOnly ? (empty.readOnly ?? t(`${noun}.closedEmpty`)) : empty.description}
          icon={empty.icon}
          variant="light"
          actions={newButton}
        />
      </Card>
    );
  else
    body = (
      <Card p={0}>
        <Table.ScrollContainer minWidth={props.tableMinWidth ?? 720}>
          <Table aria-label={t(`${noun}.tableLabel`)}>
            <Table.Thead>
              <Table.Tr>
                {columns.map((c) => (
                  <Table.Th key={c.header}>{c.header}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => {
                const link = `#${base}?open=${encodeURIComponent(r.id)}`;
                return (
                  <Table.Tr
                    key={r.id}
                    id={`record-${r.id}`}
                    data-record-id={r.id}
                    bg={r.id === openId ? 'var(--mantine-primary-color-light)' : undefined}
                    aria-selected={r.id === openId}
                    onClick={() => navigate(`${base}?open=${encodeURIComponent(r.id)}`, { replace: true })}
                    style={{ cursor: 'pointer' }}
                  >
                    {columns.map((c) => (
                      <Table.Td key={c.header} style={c.nowrap ? { whiteSpace: 'nowrap' } : undefined}>
                        {c.main ? (
                          <Anchor href={link} fw={500} onClick={(e) => e.stopPropagation()}>
                            {c.cell(r)}
                          </Anchor>
                        ) : (
                          c.cell(r)
                        )}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" px="md" py="xs" aria-live="polite">
          {t(`${noun}.count`, { count: rows.length })}
          {!readOnly && (
            <>
              {' · '}
              <Trans t={t} i18nKey={`${noun}.pressN`} components={{ key: <Kbd size="xs" /> }} />
            </>
          )}
        </Text>
      </Card>
    );

  return (
    <>
      {props.header}
      {rows && rows.length > 0 && newButton && (
        <Group justify="flex-end" mb="md">
          {newButton}
        </Group>
      )}
      {body}
      <Drawer
        id={drawerId}
        opened={drawerOpen}
        onClose={requestClose}
        closeOnEscape={false}
        position="right"
        size="xl"
        title={drawerTitle(creating ? null : (open ?? null))}
        closeButtonProps={{ 'aria-label': t('page.close') }}
      >
        {drawerOpen && <div key={creating ? 'new' : open?.id}>{editor(args)}</div>}
      </Drawer>
    </>
  );
}
