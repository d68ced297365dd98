/**
 * In-page scripts (strings: the bench's tsconfig has no DOM types) timing a
 * filter change, a navigation and a record opened on an open list screen,
 * and their floors.
 */
import { AFTER_PAINT, PLAIN_HOST_THEN_START, RANDOM_PHASE, untilDom } from '../probes';

/** The element a filter change clicks: `button` by its aria-label prefix, or a form control by its label's text. */
export type FilterControl = { button: string } | { label: string };

const findControl = (c: FilterControl) =>
  'button' in c
    ? `document.querySelector('button[aria-label^=' + ${JSON.stringify(JSON.stringify(c.button))} + ']')`
    : `(() => { const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === ${JSON.stringify(c.label)});
        return l && (l.control ?? document.getElementById(l.htmlFor)); })()`;

/**
 * Clicks the control and times until the list's first row is another one (or the list is gone, for an empty
 * result) and that has been painted. The screen keeps the old rows until the new query's first page arrives,
 * so this is click → request → answer → render → paint.
 */
export const timeFilterChange = (control: FilterControl) => `(async () => {
  ${AFTER_PAINT}
  const target = ${findControl(control)};
  if (!target) throw new Error('no filter control ' + ${JSON.stringify(JSON.stringify(control))});
  const first = () => document.querySelector('tbody tr[data-index]')?.textContent ?? null;
  const before = first();
  await afterPaint();
  ${RANDOM_PHASE}
  const t0 = performance.now();
  const changed = new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      if (first() === before) return;
      obs.disconnect();
      resolve();
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  target.click();
  await changed;
  return (await afterPaint()) - t0;
})()`;

/**
 * The floor of a filter change, in the same open page: the same request the screen sent (same host, same
 * token), its answer parsed and every row put into a plain table with innerHTML, then painted.
 */
export const timePlainFetchAndTable = (op: string, body: string) => `(async () => {
  ${AFTER_PAINT}
  ${PLAIN_HOST_THEN_START}
  const res = await fetch('/api/${op}', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': sessionStorage.getItem('fieldwork.previewToken') ?? '' },
    body: ${JSON.stringify(body)},
  });
  const answer = await res.json();
  if (!answer.ok) throw new Error('${op} failed: ' + answer.error.message);
  host.innerHTML = '<table><tbody>' + answer.value.rows.map((r) => '<tr>' + Object.values(r)
    .map((v) => '<td>' + esc(Array.isArray(v) ? v.join(', ') : v) + '</td>').join('') + '</tr>').join('') + '</tbody></table>';
  const t1 = await afterPaint();
  host.remove();
  return t1 - t0;
})()`;

/**
 * In-app navigation on an open app: the rows on the screen now are marked, the main navigation's link to
 * `route` is clicked, and the time runs until `want` rows that were not there before (the new screen's) have
 * been painted: click → route change → the screen's code (if not loaded yet) and its first page → render → paint.
 */
export const timeNavigation = (route: string, want: number) => `(async () => {
  ${AFTER_PAINT}
  const link = document.querySelector('nav a[href="#' + ${JSON.stringify(route)} + '"]');
  if (!link) throw new Error('no navigation link to ' + ${JSON.stringify(route)});
  for (const tr of document.querySelectorAll('tbody tr')) tr.setAttribute('data-bench-old', '');
  await afterPaint();
  ${RANDOM_PHASE}
  const t0 = performance.now();
  const painted = ${untilDom(`location.hash === '#' + ${JSON.stringify(route)} &&
    document.querySelectorAll('tbody tr:not([data-bench-old])').length >= ${want}`)};
  link.click();
  await painted;
  return (await afterPaint()) - t0;
})()`;

/**
 * Opening a record from an open list: the first `link` clicked, until `done` (the record's screen) holds
 * something and that has been painted: click → the screen's code (if not loaded yet) and reads → render → paint.
 */
export const timeOpen = (link: string, done: string) => `(async () => {
  ${AFTER_PAINT}
  const a = document.querySelector(${JSON.stringify(link)});
  if (!a) throw new Error('no link ' + ${JSON.stringify(link)});
  await afterPaint();
  ${RANDOM_PHASE}
  const t0 = performance.now();
  const opened = ${untilDom(`(document.querySelector(${JSON.stringify(done)})?.childElementCount ?? 0) > 0`)};
  a.click();
  await opened;
  return (await afterPaint()) - t0;
})()`;

/**
 * The floor of opening a record, in the same open page: the requests the record's screen sent (same host, same
 * token), all at once, each answer parsed and its fields put into a plain list with innerHTML, then painted.
 */
export const timePlainFetchAndFields = (requests: { op: string; body: string }[]) => `(async () => {
  ${AFTER_PAINT}
  ${PLAIN_HOST_THEN_START}
  const token = sessionStorage.getItem('fieldwork.previewToken') ?? '';
  const answers = await Promise.all(${JSON.stringify(requests)}.map(async (r) => {
    const res = await fetch('/api/' + r.op, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': token },
      body: r.body,
    });
    const answer = await res.json();
    if (!answer.ok) throw new Error(r.op + ' failed: ' + answer.error.message);
    return answer.value;
  }));
  host.innerHTML = answers.map((v) => '<dl>' + Object.entries(v ?? {}).map(([k, x]) =>
    '<dt>' + esc(k) + '</dt><dd>' + esc(typeof x === 'object' ? JSON.stringify(x) : x) + '</dd>').join('') + '</dl>').join('');
  const t1 = await afterPaint();
  host.remove();
  return t1 - t0;
})()`;
