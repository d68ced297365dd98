/**
 * Code that runs inside the page, as strings: the bench's tsconfig has no DOM
 * types, and these must not depend on anything the app bundles.
 */

/** Resolves with performance.now() once the frame after the current one's rendering has been painted. */
export const AFTER_PAINT = `const afterPaint = () => new Promise((resolve) => requestAnimationFrame(() => {
  const ch = new MessageChannel();
  ch.port1.onmessage = () => resolve(performance.now());
  ch.port2.postMessage(0);
}));`;

const ROW_SELECTOR = '[role="option"][data-ref]';
const ROWS = JSON.stringify(ROW_SELECTOR);

/** A real key or change comes at any moment of a frame: start at a random phase, as the baseline does. */
export const RANDOM_PHASE = `await new Promise((resolve) => setTimeout(resolve, Math.random() * 17));`;

/**
 * A floor's start (after AFTER_PAINT): `esc` for HTML text and an empty `host` element on top of the open page,
 * painted, then `t0` taken at a random phase of a frame. The floor puts its HTML into `host` and removes it.
 */
export const PLAIN_HOST_THEN_START = `const esc = (s) => String(s).replace(/[&<>"]/g, (c) => '&#' + c.charCodeAt(0) + ';');
  const host = document.createElement('div');
  document.body.prepend(host);
  await afterPaint();
  ${RANDOM_PHASE}
  const t0 = performance.now();`;

/** A promise that settles once `condition` (a JavaScript expression) holds after a change to the page's elements. */
export const untilDom = (condition: string) => `new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      if (!(${condition})) return;
      obs.disconnect();
      resolve();
    });
    obs.observe(document.body, { childList: true, subtree: true });
  })`;

/**
 * Init script: on a page whose path and hash match `match` (a RegExp source), records in window.__bench when
 * `want` elements matching `selector` are in the DOM (dom) and when they have been painted (paint), both in ms
 * since navigation start, and how many there were at that paint (count).
 */
export const watchOnLoad = (match: string, selector: string, want: number) => `(() => {
  if (!new RegExp(${JSON.stringify(match)}).test(location.pathname + location.hash)) return;
  ${AFTER_PAINT}
  const obs = new MutationObserver(() => {
    if (document.querySelectorAll(${JSON.stringify(selector)}).length < ${want}) return;
    obs.disconnect();
    const dom = performance.now();
    afterPaint().then((paint) => {
      const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'))
        .map((e) => e.name.split('/api/')[1] + ' ' + Math.round(e.startTime) + '→' + Math.round(e.responseEnd));
      const nav = performance.getEntriesByType('navigation')[0];
      const count = document.querySelectorAll(${JSON.stringify(selector)}).length;
      window.__bench = { dom, paint, count, detail: 'dcl ' + Math.round(nav.domContentLoadedEventEnd) + '; ' + api.join('; ') };
    });
  });
  obs.observe(document, { childList: true, subtree: true });
})()`;

/** Init script: on the checklist route, the time until `want` checklist rows are painted (see watchOnLoad). */
export const watchRowsOnLoad = (want: number) => watchOnLoad('#/audits/[^/]+/checklist', ROW_SELECTOR, want);

/** In an open page: switches to the checklist tab by its route and times until the rows are painted. */
export const timeTabSwitch = (hash: string, want: number) => `(async () => {
  ${AFTER_PAINT}
  const t0 = performance.now();
  const painted = new Promise((resolve) => {
    const obs = new MutationObserver(() => {
      if (document.querySelectorAll(${ROWS}).length < ${want}) return;
      obs.disconnect();
      afterPaint().then(resolve);
    });
    obs.observe(document.body, { childList: true, subtree: true });
  });
  location.hash = ${JSON.stringify(hash)};
  return (await painted) - t0;
})()`;

/** The tab switch's floor: the same rows as a plain HTML table put into the open page via innerHTML, string building included. */
export const timePlainTable = (rows: unknown[]) => `(async () => {
  ${AFTER_PAINT}
  const rows = ${JSON.stringify(rows)};
  ${PLAIN_HOST_THEN_START}
  host.innerHTML = '<table><tbody>' + rows.map((r) =>
    '<tr><td>' + esc(r.number) + '</td><td>' + esc(r.title) + '</td><td>' + esc(r.assignee) + '</td><td>' +
    esc(r.samples) + ' sampled records</td><td>' + esc(r.result) + '</td></tr>').join('') + '</tbody></table>';
  const t1 = await afterPaint();
  host.remove();
  return t1 - t0;
})()`;

/** Dispatches a number key on the row `ref` and times until its badge changed and was painted. */
export const timeKeypress = (ref: string, key: string) => `(async () => {
  ${AFTER_PAINT}
  const row = document.querySelector('[role="option"][data-ref="${ref}"]');
  const text = () => row.querySelector('[data-result]').textContent;
  const before = text();
  ${RANDOM_PHASE}
  const t0 = performance.now();
  row.dispatchEvent(new KeyboardEvent('keydown', { key: ${JSON.stringify(key)}, bubbles: true, cancelable: true }));
  if (text() === before) {
    await new Promise((resolve) => {
      const obs = new MutationObserver(() => { if (text() !== before) { obs.disconnect(); resolve(); } });
      obs.observe(row, { subtree: true, childList: true, characterData: true, attributes: true });
    });
  }
  window.__benchChanged = performance.now() - t0;
  const t1 = await afterPaint();
  if (text() === before) throw new Error('the badge did not change');
  return t1 - t0;
})()`;

/** The baseline: one plain DOM text change, then the same wait for paint. */
export const timePlainTextChange = `(async () => {
  ${AFTER_PAINT}
  const el = document.createElement('span');
  el.textContent = 'Conforming';
  document.body.prepend(el);
  await afterPaint();
  ${RANDOM_PHASE}
  const t0 = performance.now();
  el.textContent = 'Minor NC';
  const t1 = await afterPaint();
  el.remove();
  return t1 - t0;
})()`;
