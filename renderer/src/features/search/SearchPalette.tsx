import { Alert, Box, Button, Group, Kbd, Loader, Modal, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { useCallback, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { Trans, useTranslation } from 'react-i18next';
import type { SearchHit } from '#shared/domain/search';
import { errorText } from '../../i18n/errorText';
import { navigate } from '../../lib/router';
import { listKeyTarget, optionId, WindowedListbox } from '../../components/windowed/WindowedListbox';
import { hitPath } from './hits';
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
  const { t } = useTranslation('shell');
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

  const where = scope ? t('search.thisAudit') : t('search.allAudits');
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
        <Trans t={t} i18nKey="search.intro" values={{ where }} components={{ key: <Kbd size="xs" /> }} />
      </Message>
    );
  } else if (error) {
    body = (
      <Alert color="red" icon={<IconAlertCircle />} title={t('search.failed')} m="sm">
        {errorText(error)}
      </Alert>
    );
  } else if (hits && hits.length === 0 && !loading) {
    body = (
      <Message>
        {t('search.nothing', { where, query: q })}
        {scope && (
          <>
            {' '}
            <Button variant="subtle" size="compact-sm" onClick={() => setEverywhere(true)}>
              {t('search.searchAll')}
            </Button>
          </>
        )}
      </Message>
    );
  } else if (!shown) {
    body = (
      <Message>
        <Loader size="xs" mr="xs" /> {t('search.searching')}
      </Message>
    );
  } else {
    body = (
      <WindowedListbox
        // A new search starts scrolled to its top.
        key={searchKey}
        id={LIST_ID}
        label={t('search.results')}
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
      title={t('search.dialogTitle')}
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
        placeholder={t('search.placeholder')}
        aria-label={t('search.fieldLabel')}
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
            {t('search.searchingIn', { where })}
          </Text>
          <Switch
            size="xs"
            label={t('search.searchAll')}
            checked={everywhere}
            onChange={(e) => setEverywhere(e.currentTarget.checked)}
          />
        </Group>
      )}
      {body}
      {shown && (
        <Text size="xs" c="dimmed" px="md" py={6} aria-live="polite" data-result-count>
          {resultCount(t, shown.length, total, hasMore, beyond)}
        </Text>
      )}
    </Modal>
  );
}

/** "42 results", "30 of 300 results loaded, more as you scroll", and a word when older matches were not ranked. */
function resultCount(t: TFunction<'shell'>, loaded: number, total: number, hasMore: boolean, beyond: boolean): string {
  const all = Math.max(total, loaded);
  const said = hasMore ? t('search.loadedOf', { loaded, total: all }) : t('search.count', { count: all });
  return beyond ? t('search.beyond', { said, total: all }) : said;
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
  const { t } = useTranslation('shell');
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
          {t(`search.kinds.${hit.kind}`)} · {hit.auditLabel}
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
  const { t } = useTranslation('shell');
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
      {t('search.button')}
    </Button>
  );
}
