import { Button, Stack } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useMemo, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import type { Audit } from '#shared/domain/audit';
import type { Checklist, ChecklistItem } from '#shared/domain/checklist';
import { progressOf } from '#shared/rules/checklist';
import { canEditAudit } from '#shared/rules/audit-status';
import { useLocation } from '../../lib/router';
import { Empty } from '../../components/Empty';
import classes from './checklist.module.css';
import { ChecklistFilters } from './ChecklistFilters';
import { ChecklistHeader } from './ChecklistHeader';
import { groupItems } from '../../lib/checklistGroups';
import { groupHeading } from './groupHeading';
import { matches, NO_FILTERS, type Filters } from './filters';
import { GroupSection } from './GroupSection';
import { NOTES_ID } from './EditorFields';
import { ItemEditor } from './ItemEditor';
import { focusInPanel, focusRow, isTyping, resultForKey } from './keys';
import { NotesDraftsContext } from './notesDrafts';
import { ShortcutsModal } from './ShortcutsModal';
import type { ChecklistState } from './useChecklist';
import { useMe } from '../../lib/useMe';
import { useStableLists } from './useStableLists';
import { rowLabels } from './rowLabels';
import { SelectHint } from './SelectHint';

interface WorkspaceProps {
  audit: Audit;
  checklist: Checklist;
  state: ChecklistState;
}

/** The checklist screen proper: header, filters, grouped list and the selected item's editor. */
export function ChecklistWorkspace({ audit, checklist, state }: WorkspaceProps) {
  const { t } = useTranslation('checklist');
  const labels = useMemo(() => rowLabels(t), [t]);
  const { update, flush } = state;
  const readOnly = !canEditAudit(audit.status);
  const items = checklist.items;
  const teamIds = useMemo(() => audit.team.map((m) => m.id), [audit.team]);
  const names = useMemo(() => new Map(audit.team.map((m) => [m.id, m.name])), [audit.team]);
  const [me, setMe] = useMe(audit.id, teamIds);
  // As elsewhere (useActor): the member this computer says it is, else the lead auditor.
  const author = (me && names.get(me)) ?? audit.team.find((m) => m.role === 'lead_auditor')?.name ?? '';
  const { setAuthor } = state;
  useEffect(() => setAuthor(author), [setAuthor, author]);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<HTMLDivElement>(null);

  const groups = useMemo(() => groupItems(items), [items]);
  const groupMeta = useMemo(() => groups.map(({ id, title, kind }) => ({ id, title, kind })), [groups]);
  const stable = useStableLists<ChecklistItem>();
  const visible = useMemo(
    () =>
      groups.map((g) => ({
        ...g,
        shown: stable(
          g.id,
          g.items.filter((i) => matches(i, filters, me)),
        ),
        progress: progressOf(g.items.map((i) => i.result)),
      })),
    [groups, filters, me, stable],
  );
  /** Items the arrow keys walk through: shown by the filters, in expanded groups. */
  const navigable = useMemo(
    () => visible.filter((g) => !collapsed.has(g.id)).flatMap((g) => g.shown.map((i) => i.id)),
    [visible, collapsed],
  );
  const shownCount = visible.reduce((n, g) => n + g.shown.length, 0);
  const overall = useMemo(() => progressOf(items.map((i) => i.result)), [items]);
  // A link to one item (from search: '?item=<id>') selects it and brings it into view.
  const linkedId = useLocation().query.get('item');
  const [followedLink, setFollowedLink] = useState<string | null>(null);
  if (linkedId !== followedLink) {
    setFollowedLink(linkedId);
    const linked = linkedId ? items.find((i) => i.id === linkedId) : undefined;
    if (linked) {
      setSelectedId(linked.id);
      if (!matches(linked, filters, me)) setFilters(NO_FILTERS);
      const group = groups.find((g) => g.items.includes(linked));
      if (group && collapsed.has(group.id)) setCollapsed((c) => new Set([...c].filter((id) => id !== group.id)));
    }
  }
  useEffect(() => {
    if (!linkedId) return;
    // After the page's own scroll-to-top on arriving from another page.
    const frame = requestAnimationFrame(() => {
      const row = document.getElementById(`item-${linkedId}`);
      row?.focus({ preventScroll: true });
      row?.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [linkedId]);

  const selected = selectedId ? items.find((i) => i.id === selectedId) : undefined;
  const tabbableId = selectedId && navigable.includes(selectedId) ? selectedId : (navigable[0] ?? null);

  const onToggle = useCallback(
    (groupId: string) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (!next.delete(groupId)) next.add(groupId);
        return next;
      }),
    [],
  );
  const onSelect = useCallback((id: string) => setSelectedId(id), []);
  // Each item opens at its top (its questions), not where the previous one was scrolled to. Not on arriving with
  // nothing selected: the panel is at its top then, and setting scrollTop makes the browser lay out the whole
  // screen at once, before the paint that lays it out again (a tenth of the checklist's first paint).
  useEffect(() => {
    if (selectedId !== null && editorRef.current) editorRef.current.scrollTop = 0;
  }, [selectedId]);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  const openHelp = useCallback(() => setHelpOpen(true), []);

  const select = (id: string | undefined) => {
    if (!id) return;
    setSelectedId(id);
    focusRow(id);
  };
  const move = (delta: number) => {
    const i = selectedId ? navigable.indexOf(selectedId) : -1;
    if (i < 0) return select(navigable[0]);
    select(navigable[Math.max(0, Math.min(navigable.length - 1, i + delta))]);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const target = e.target as HTMLElement;
    // Modals are portals: their keys bubble through React but are not ours.
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || !rootRef.current?.contains(target)) return;
    if (e.key === 'Escape') {
      if (editorRef.current?.contains(target) && target.getAttribute('aria-expanded') !== 'true') {
        e.preventDefault();
        focusRow(selectedId ?? tabbableId);
      }
      return;
    }
    if (isTyping(target)) return;
    const onRow = target.getAttribute('role') === 'option';
    const result = resultForKey(e.key);
    if (result) {
      if (!selected || readOnly) return;
      e.preventDefault();
      // Under a filter the item may drop out of view: carry the selection to the next one.
      if (onRow && !matches({ ...selected, result }, filters, me)) {
        const i = navigable.indexOf(selected.id);
        const next = navigable[i + 1] ?? navigable[i - 1];
        if (next) select(next);
      }
      update(selected.id, { result });
    } else if (e.key === '?') {
      e.preventDefault();
      setHelpOpen(true);
    } else if (onRow) {
      const step: Record<string, () => void> = {
        ArrowDown: () => move(1),
        j: () => move(1),
        ArrowUp: () => move(-1),
        k: () => move(-1),
        Home: () => select(navigable[0]),
        End: () => select(navigable[navigable.length - 1]),
        Enter: () => focusInPanel(NOTES_ID),
      };
      const action = step[e.key];
      if (action) {
        e.preventDefault();
        action();
      }
    }
  };
  // Tabbing into the list (or clicking a row) selects the row that receives focus.
  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    const id = (e.target as HTMLElement).dataset.itemId;
    if (id && id !== selectedId) setSelectedId(id);
  };

  return (
    <NotesDraftsContext.Provider value={state.notesDrafts}>
      <div ref={rootRef} onKeyDown={onKeyDown}>
        <Stack gap="md">
          <ChecklistHeader
            audit={audit}
            checklist={checklist}
            overall={overall}
            status={state.status}
            readOnly={readOnly}
            onHelp={openHelp}
          />
          <ChecklistFilters
            filters={filters}
            onChange={setFilters}
            groups={groupMeta}
            team={audit.team}
            me={me}
            onMe={setMe}
            shown={shownCount}
            total={items.length}
          />
          <div className={classes.layout}>
            <div>
              {/* Plain elements, not <Card>: its context would make every render walk all rows. */}
              <section className={`${classes.panel} ${classes.list}`} onFocus={onFocus} aria-label={t('list.label')}>
                {shownCount === 0 ? (
                  <Empty
                    title={t('list.noMatch')}
                    description={t('list.noMatchHint')}
                    icon={<IconFilterOff />}
                    actions={
                      <Button variant="default" onClick={() => setFilters(NO_FILTERS)}>
                        {t('filters.clear')}
                      </Button>
                    }
                  />
                ) : (
                  visible.map((g) =>
                    g.shown.length === 0 ? null : (
                      <GroupSection
                        key={g.id}
                        id={g.id}
                        title={groupHeading(t, g)}
                        audited={g.progress.audited}
                        total={g.progress.total}
                        items={g.shown}
                        expanded={!collapsed.has(g.id)}
                        selectedId={selectedId && g.shown.some((i) => i.id === selectedId) ? selectedId : null}
                        tabbableId={tabbableId && g.shown.some((i) => i.id === tabbableId) ? tabbableId : null}
                        names={names}
                        labels={labels}
                        onSelect={onSelect}
                        onToggle={onToggle}
                      />
                    ),
                  )
                )}
              </section>
            </div>
            <div>
              <div ref={editorRef} className={`${classes.panel} ${classes.editor}`} data-editor-panel>
                {selected ? (
                  <ItemEditor
                    key={selected.id}
                    item={selected}
                    team={audit.team}
                    readOnly={readOnly}
                    update={update}
                    flush={flush}
                  />
                ) : (
                  <SelectHint />
                )}
              </div>
            </div>
          </div>
        </Stack>
        <ShortcutsModal opened={helpOpen} onClose={closeHelp} />
      </div>
    </NotesDraftsContext.Provider>
  );
}
