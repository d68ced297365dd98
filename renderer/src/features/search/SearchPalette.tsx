import { Alert, Box, Button, Group, Kbd, Loader, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { useCallback, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchHit } from '#shared/domain/search';
import { navigate } from '../../lib/router';
import { listKeyTarget, optionId, WindowedListbox } from '../../components/windowed/WindowedListbox';
import { hitPath, KIND_LABELS } from './hits';
import { Snippet } from './Snippet';
import { useSearch } from './useSearch';

/** Whether the palette is open: one flag for the shortcut, the header button and `openSearch` callers. */
let opened = false;
const listeners = new Set<() => void>();
function setOpened(value: boolean): void {
  opened = value;
  for (const l of listeners) l();
}
const subscribe = (l: () => void) => (listeners.add(l), () => void listeners.delete(l));
export const openSearch = () => setOpened(true);

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
/** How the shortcut reads on this computer. */
export const SEARCH_SHORTCUT = IS_MAC ? '⌘ K' : 'Ctrl K';
const DEBOUNCE_MS = 120;
const LIST_ID = 'search-results';
/** Every hit takes the same height (title, kind and audit, two lines of snippet), so the list can be windowed. */
const ROW_HEIGHT = 96;
const LIST_HEIGHT = 5 * ROW_HEIGHT;
/** Options one Page Up/Down moves: a view less one, so the last seen stays in view. */
const PAGE = Math.floor(LIST_HEIGHT / ROW_HEIGHT) - 1;

const count = (n: number) => n.toLocaleString('en-GB');
const hitKey = (hit: SearchHit) => `${hit.kind}:${hit.recordId}`;

/**
 * The quick-open palette (Ctrl/Cmd+K, from anywhere, fields included): full-text
 * search over notes, interviews, observations, documents reviewed and
 * evidence. Inside an audit it searches that audit unless asked for all.
 * A dialog named Search holding a combobox: the text field is the one tab
 * stop of the results, whose keys move through a windowed listbox of every
 * hit in rank order, loaded a page at a time as the list nears its end.
 */
export function SearchPalette({ auditId }: { auditId: string | null }) {
  const isOpen = useSyncExternalStore(subscribe, () => opened);
  // Also while typing in a field: the palette is how one jumps elsewhere.
  useHotkeys([['mod+K', () => setOpened(true)]], []);
  const [query, setQuery] = useState('');
  const [everywhere, setEverywhere] = useState(false);
  const [q] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const scope = auditId && !everywhere ? auditId : undefined;
  const { hits, total, beyond, hasMore, loadMore, error, loading } = useSearch(q, scope, isOpen);
  // The active option belongs to its search: a new one starts at its best hit.
  const searchKey = `${q}\n${scope ?? ''}`;
  const [chosen, setChosen] = useState({ searchKey, index: 0 });
  const active = chosen.searchKey === searchKey ? chosen.index : 0;
  const setActive = useCallback((index: number) => setChosen({ searchKey, index }), [searchKey]);
  const close = useCallback(() => setOpened(false), []);
  const open = (hit: SearchHit) => {
    close();
    navigate(hitPath(hit));
  };

  const where = scope ? 'this audit' : 'all audits';
  const typed = query.trim() !== '';
  const shown = typed && !error && hits && hits.length > 0 ? hits : null;
  const current = shown ? Math.min(active, shown.length - 1) : -1;

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (!shown || e.nativeEvent.isComposing) return;
    if (e.key === 'Enter') {
      e.preventDefault();
      open(shown[current]!);
      return;
    }
    const to = listKeyTarget(e.key, current, shown.length, PAGE);
    if (to === undefined) return;
    e.preventDefault();
    setActive(to);
  };

  let body: ReactNode;
  if (!typed) {
    body = (
      <Message>
        Type a word or a finding number (NC-01) to search the findings, checklist notes, sampled records, interviews,
        observations, documents reviewed and evidence of {where}. Use <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to
        choose and <Kbd size="xs">Enter</Kbd> to open.
      </Message>
    );
  } else if (error) {
    body = (
      <Alert color="red" icon={<IconAlertCircle />} title="The search did not run" m="sm">
        {error.message}
      </Alert>
    );
  } else if (hits && hits.length === 0 && !loading) {
    body = (
      <Message>
        Nothing in {where} matches “{q}”.
        {scope && (
          <>
            {' '}
            <Button variant="subtle" size="compact-sm" onClick={() => setEverywhere(true)}>
              Search all audits
            </Button>
          </>
        )}
      </Message>
    );
  } else if (!shown) {
    body = (
      <Message>
        <Loader size="xs" mr="xs" /> Searching…
      </Message>
    );
  } else {
    body = (
      <WindowedListbox
        // A new search starts scrolled to its top.
        key={searchKey}
        id={LIST_ID}
        label="Search results"
        rows={shown}
        total={total}
        rowKey={hitKey}
        rowHeight={ROW_HEIGHT}
        height={LIST_HEIGHT}
        active={current}
        onActiveChange={setActive}
        onOpen={open}
        onNearEnd={loadMore}
        renderRow={(hit, isActive) => <HitRow hit={hit} active={isActive} />}
      />
    );
  }

  return (
    <Modal
      opened={isOpen}
      onClose={close}
      // The palette opens empty each time.
      onExitTransitionEnd={() => setQuery('')}
      // The dialog's name, for screen readers; the search field says the rest.
      title="Search"
      withCloseButton={false}
      styles={{ header: HIDDEN_HEADER, body: { padding: 0 } }}
      size={640}
      yOffset="8vh"
    >
      <TextInput
        data-autofocus
        value={query}
        onChange={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
        placeholder="Search findings, notes, samples, interviews, documents, evidence…"
        aria-label="Search"
        role="combobox"
        aria-expanded={shown !== null}
        aria-controls={LIST_ID}
        aria-autocomplete="list"
        aria-activedescendant={shown ? optionId(LIST_ID, current) : undefined}
        autoComplete="off"
        spellCheck={false}
        size="md"
        variant="unstyled"
        px="md"
        py={4}
        leftSection={loading ? <Loader size="xs" /> : <IconSearch stroke={1.6} />}
        style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}
      />
      {auditId && (
        <Group justify="space-between" px="md" py={6}>
          <Text size="xs" c="dimmed">
            Searching {where}
          </Text>
          <Switch
            size="xs"
            label="Search all audits"
            checked={everywhere}
            onChange={(e) => setEverywhere(e.currentTarget.checked)}
          />
        </Group>
      )}
      {body}
      {shown && (
        <Text size="xs" c="dimmed" px="md" py={6} aria-live="polite" data-result-count>
          {resultCount(shown.length, total, hasMore, beyond)}
        </Text>
      )}
    </Modal>
  );
}

/** "42 results", "30 of 300 results loaded, more as you scroll", and a word when older matches were not ranked. */
function resultCount(loaded: number, total: number, hasMore: boolean, beyond: boolean): string {
  const all = Math.max(total, loaded);
  const said = hasMore
    ? `${count(loaded)} of ${count(all)} results loaded, more as you scroll`
    : `${count(all)} ${all === 1 ? 'result' : 'results'}`;
  return beyond ? `${said}: the best of the newest ${count(all)} matches; add a word to find older ones.` : said;
}

/** Mantine's visually-hidden pattern: the title names the dialog without taking room. */
const HIDDEN_HEADER = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

function Message({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="dimmed" p="md" ta="center">
      {children}
    </Text>
  );
}

/** One hit: its title, what it is and where, and the words matched. The active one is tinted and marked at its edge. */
function HitRow({ hit, active }: { hit: SearchHit; active: boolean }) {
  return (
    <Box
      data-hit-kind={hit.kind}
      px="md"
      py={8}
      h="100%"
      style={{
        background: active ? 'var(--mantine-color-default-hover)' : undefined,
        boxShadow: active ? 'inset 3px 0 0 var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Stack gap={2} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} truncate>
          {hit.title}
        </Text>
        <Text size="xs" c="dimmed" truncate>
          {KIND_LABELS[hit.kind]} · {hit.auditLabel}
        </Text>
        {hit.snippet && (
          <Text size="xs" lineClamp={2}>
            <Snippet text={hit.snippet} />
          </Text>
        )}
      </Stack>
    </Box>
  );
}

/** The header's way in, with the shortcut shown. */
export function SearchButton() {
  return (
    <Button
      variant="default"
      leftSection={<IconSearch size={16} stroke={1.6} />}
      rightSection={
        <Kbd size="xs" visibleFrom="sm">
          {SEARCH_SHORTCUT}
        </Kbd>
      }
      onClick={openSearch}
      aria-keyshortcuts={IS_MAC ? 'Meta+K' : 'Control+K'}
    >
      Search
    </Button>
  );
}
