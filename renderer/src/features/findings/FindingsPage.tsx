import { Anchor, Button, Card, Drawer, Group, Kbd, Table, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { modals } from '@mantine/modals';
import { IconAlertOctagon, IconPlus } from '@tabler/icons-react';
import { useCallback, useEffect, useId, useState, type ReactNode } from 'react';
import type { Audit } from '#shared/domain/audit';
import type { Finding } from '#shared/domain/finding';
import { canEditAudit } from '#shared/rules/audit-status';
import { navigate, useLocation } from '../../lib/router';
import { Empty } from '../../components/Empty';
import { LoadError, TableSkeleton } from '../../components/LoadState';
import { plural } from '../../lib/format';
import { notifyError } from '../../lib/notify';
import { RequirementBadges } from '../../components/RequirementPicker';
import { useAuditRefs } from '../../lib/useAuditRefs';
import { useEscapeOnTop } from '../../lib/useEscapeOnTop';
import { FindingEditor } from './FindingEditor';
import { FindingSettingsForm } from './FindingSettingsForm';
import { DueCell, excerpt, findingName, StatusBadge, TypeBadge } from '../../components/findings/labels';
import { useActor } from '../../lib/useActor';
import { useFindings } from './useFindings';

/** The Findings tab of an audit: the list, the response deadlines, and one finding at a time in a drawer. */
export function FindingsPage({ audit }: { audit: Audit }) {
  const readOnly = !canEditAudit(audit.status);
  const base = `/audits/${audit.id}/findings`;
  const openId = useLocation().query.get('open');
  const state = useFindings(audit.id);
  const refs = useAuditRefs(audit);
  const actor = useActor(audit);
  const [creating, setCreating] = useState(false);
  const [dirty, setDirty] = useState<{ check: () => boolean } | null>(null);
  const setDirtyCheck = useCallback((check: (() => boolean) | null) => setDirty(check ? { check } : null), []);
  const { rows, reload } = state;
  const open = openId ? rows?.find((r) => r.id === openId) : undefined;
  const drawerOpen = creating || open !== undefined;

  useEffect(() => {
    if (!openId || !rows || rows.some((r) => r.id === openId)) return;
    notifyError({ code: 'not_found', message: 'This finding does not exist any more.' }, 'Not found');
    navigate(base, { replace: true });
  }, [openId, rows, base]);

  const startCreate = () => {
    if (readOnly) return;
    if (openId) navigate(base, { replace: true });
    setCreating(true);
  };
  const closeNow = () => {
    setDirty(null);
    setCreating(false);
    if (openId) navigate(base, { replace: true });
    reload();
  };
  const requestClose = () => {
    if (!dirty?.check()) return closeNow();
    modals.openConfirmModal({
      title: 'Discard your changes?',
      children: <Text size="sm">The fields you changed have not been saved.</Text>,
      labels: { confirm: 'Discard changes', cancel: 'Keep editing' },
      confirmProps: { color: 'red' },
      onConfirm: closeNow,
    });
  };
  useHotkeys([['n', () => !drawerOpen && startCreate()]]);
  const drawerId = useId();
  useEscapeOnTop(drawerId, drawerOpen, requestClose);

  const onSaved = (f: Finding) => {
    state.upsert(f);
    if (creating) {
      setCreating(false);
      navigate(`${base}?open=${encodeURIComponent(f.id)}`, { replace: true });
    }
  };

  const newButton = !readOnly && (
    <Button leftSection={<IconPlus size={16} />} onClick={startCreate} aria-keyshortcuts="n">
      New finding
    </Button>
  );

  let body: ReactNode;
  if (state.error && !rows) body = <LoadError error={state.error} onRetry={reload} />;
  else if (!rows) body = <TableSkeleton />;
  else if (rows.length === 0)
    body = (
      <Card py={48}>
        <Empty
          title="No findings yet"
          description={
            readOnly
              ? 'This audit is closed; no findings were raised.'
              : 'Raise a finding from a checklist item marked as a nonconformity or OFI (“Raise finding”), or start one here with “New finding” or the n key.'
          }
          icon={<IconAlertOctagon />}
          variant="light"
          actions={newButton}
        />
      </Card>
    );
  else
    body = (
      <Card p={0}>
        <Table.ScrollContainer minWidth={820}>
          <Table aria-label="Findings">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Number</Table.Th>
                <Table.Th>Type</Table.Th>
                <Table.Th>Requirements</Table.Th>
                <Table.Th>Statement</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Response due</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((f) => {
                const to = `${base}?open=${encodeURIComponent(f.id)}`;
                return (
                  <Table.Tr
                    key={f.id}
                    data-finding-id={f.id}
                    bg={f.id === openId ? 'var(--mantine-primary-color-light)' : undefined}
                    aria-selected={f.id === openId}
                    onClick={() => navigate(to, { replace: true })}
                    style={{ cursor: 'pointer' }}
                  >
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Anchor href={`#${to}`} fw={500} onClick={(e) => e.stopPropagation()}>
                        {findingName(f)}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <TypeBadge type={f.type} />
                    </Table.Td>
                    <Table.Td>
                      <RequirementBadges refs={refs} itemIds={f.requirements.map((r) => r.itemId)} />
                    </Table.Td>
                    <Table.Td>
                      {excerpt(f.statement) || (
                        <Text span size="sm" c="dimmed">
                          No statement yet
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={f.status} />
                    </Table.Td>
                    <Table.Td>
                      <DueCell finding={f} />
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Text size="xs" c="dimmed" px="md" py="xs" aria-live="polite">
          {plural(rows.length, 'finding')}
          {!readOnly && (
            <>
              {' '}
              · press <Kbd size="xs">n</Kbd> for a new finding
            </>
          )}
        </Text>
      </Card>
    );

  return (
    <>
      <FindingSettingsForm auditId={audit.id} readOnly={readOnly} onSaved={reload} />
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
        title={creating ? 'New finding' : open?.number ? `Finding ${open.number}` : 'Draft finding'}
        closeButtonProps={{ 'aria-label': 'Close' }}
      >
        {drawerOpen && (
          <div key={creating ? 'new' : open?.id}>
            <FindingEditor
              audit={audit}
              refs={refs}
              finding={creating ? null : (open ?? null)}
              actor={actor}
              readOnly={readOnly}
              onSaved={onSaved}
              onDeleted={(id) => {
                state.remove(id);
                closeNow();
              }}
              setDirtyCheck={setDirtyCheck}
            />
          </div>
        )}
      </Drawer>
    </>
  );
}
