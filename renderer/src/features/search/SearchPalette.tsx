import { Alert, Button, Group, Kbd, Loader, Stack, Switch, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { createSpotlight, Spotlight, useSpotlight, type SpotlightStore } from '@mantine/spotlight';
import { IconAlertCircle, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SearchHit } from '#shared/domain/search';
import { navigate } from '../../lib/router';
import { groupHits, hitPath, KIND_LABELS } from './hits';
import { Snippet } from './Snippet';
import { useSearch } from './useSearch';

/** Its own store: other spotlights (none yet) would not open this one. */
const [store, palette] = createSpotlight();
export const openSearch = palette.open;

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
/** How the shortcut reads on this computer. */
export const SEARCH_SHORTCUT = IS_MAC ? '⌘ K' : 'Ctrl K';
const DEBOUNCE_MS = 120;

/**
 * Results arrive after the query changed, when Spotlight has already tried
 * to select the first action of an empty list: select it now, so Enter opens
 * the best hit and the arrow keys move on from it. After "Show more", the
 * first hit it added is selected (where the button was), and scrolled to.
 */
function selectAction(s: SpotlightStore, index: number): void {
  const { listId } = s.getState();
  const list = listId ? document.getElementById(listId) : null;
  const action = list?.querySelectorAll('[data-action]')[index];
  if (!list || !action) return;
  list.querySelector('[data-selected]')?.removeAttribute('data-selected');
  action.setAttribute('data-selected', 'true');
  action.scrollIntoView({ block: 'nearest' });
  s.updateState((state) => ({ ...state, selected: index }));
}

/**
 * The quick-open palette (Ctrl/Cmd+K, from anywhere, fields included): full-text
 * search over notes, interviews, observations, documents reviewed and
 * evidence. Inside an audit it searches that audit unless asked for all.
 */
export function SearchPalette({ auditId }: { auditId: string | null }) {
  const [query, setQuery] = useState('');
  const [everywhere, setEverywhere] = useState(false);
  const [q] = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const { opened } = useSpotlight(store);
  const scope = auditId && !everywhere ? auditId : undefined;
  const { hits, firstPage, total, beyond, hasMore, loadMore, error, loading } = useSearch(q, scope, opened);
  // The first page grouped by kind; the pages asked for after it follow in rank order, so nothing shown moves.
  const groups = useMemo(() => groupHits((hits ?? []).slice(0, firstPage)), [hits, firstPage]);
  const later = useMemo(() => (hits ?? []).slice(firstPage), [hits, firstPage]);
  /** The index of the first hit a "Show more" will add, while its page loads. */
  const added = useRef<number | null>(null);

  useEffect(() => {
    // A new query starts at its best hit; a page added by "Show more" keeps the place (below).
    if (groups.length > 0 && added.current === null) selectAction(store, 0);
  }, [groups]);
  useEffect(() => {
    if (added.current !== null && later.length > 0 && (hits?.length ?? 0) > added.current) {
      selectAction(store, added.current);
      added.current = null;
    }
  }, [later, hits]);
  const showMore = () => {
    added.current = hits?.length ?? 0;
    loadMore();
  };

  const where = scope ? 'this audit' : 'all audits';
  const typed = query.trim() !== '';
  let body;
  if (!typed) {
    body = (
      <Message>
        Type a word to search the checklist notes, interviews, observations, documents reviewed and evidence of {where}.
        Use <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to choose and <Kbd size="xs">Enter</Kbd> to open.
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
  } else if (!hits) {
    body = (
      <Message>
        <Loader size="xs" mr="xs" /> Searching…
      </Message>
    );
  } else {
    body = (
      <>
        {groups.map((g) => (
          <Spotlight.ActionsGroup key={g.kind} label={g.label}>
            {g.hits.map((hit) => (
              <HitAction key={`${hit.kind}:${hit.recordId}`} hit={hit} />
            ))}
          </Spotlight.ActionsGroup>
        ))}
        {later.length > 0 && (
          <Spotlight.ActionsGroup label="More results">
            {later.map((hit) => (
              <HitAction key={`${hit.kind}:${hit.recordId}`} hit={hit} kindShown />
            ))}
          </Spotlight.ActionsGroup>
        )}
        {hasMore ? (
          <Spotlight.Action closeSpotlightOnTrigger={false} onClick={showMore} data-show-more>
            <Text size="sm">
              Show more results ({hits.length.toLocaleString('en-GB')} of {total.toLocaleString('en-GB')} shown)
            </Text>
          </Spotlight.Action>
        ) : (
          beyond && (
            <Message>
              These are the best of the newest {total.toLocaleString('en-GB')} matches: add a word to find older ones.
            </Message>
          )
        )}
      </>
    );
  }

  return (
    <Spotlight.Root
      store={store}
      query={query}
      onQueryChange={setQuery}
      shortcut={['mod + K']}
      // Also while typing in a field: the palette is how one jumps elsewhere.
      tagsToIgnore={[]}
      scrollable
      maxHeight={480}
      // The dialog's name, for screen readers; the search field says the rest.
      title="Search"
      styles={{ header: HIDDEN_HEADER }}
    >
      <Spotlight.Search
        placeholder="Search notes, interviews, observations, documents, evidence…"
        aria-label="Search"
        leftSection={loading ? <Loader size="xs" /> : <IconSearch stroke={1.6} />}
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
      <Spotlight.ActionsList aria-label="Search results">{body}</Spotlight.ActionsList>
    </Spotlight.Root>
  );
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

/** `kindShown`: outside the kind groups (a later page), the hit says what it is. */
function HitAction({ hit, kindShown = false }: { hit: SearchHit; kindShown?: boolean }) {
  return (
    <Spotlight.Action onClick={() => navigate(hitPath(hit))} data-hit-kind={hit.kind}>
      <Stack gap={2} style={{ minWidth: 0, textAlign: 'start' }}>
        <Text size="sm" fw={500} truncate>
          {hit.title}
        </Text>
        {/* Not "dimmed": grey would vanish on the selected action's filled background. */}
        <Text size="xs" opacity={0.7} truncate>
          {kindShown ? `${KIND_LABELS[hit.kind]} · ${hit.auditLabel}` : hit.auditLabel}
        </Text>
        {hit.snippet && (
          <Text size="xs" lineClamp={2}>
            <Snippet text={hit.snippet} />
          </Text>
        )}
      </Stack>
    </Spotlight.Action>
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
