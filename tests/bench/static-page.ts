import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../helpers/serve';

/**
 * The floor of a screen's paint: the same rows as a plain, script-free HTML
 * table in a file the preview host serves from the built renderer's folder, so
 * the browser loads it over the same host, connection and headers as the app.
 * The file is removed again by the returned function.
 */
export function writeStaticTable(
  name: string,
  headers: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): { path: string; remove: () => void } {
  const esc = (s: string | number) => String(s).replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const file = `bench-static-${name}.html`;
  const full = join(REPO_ROOT, 'out', 'renderer', file);
  const html =
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(name)}</title></head><body>` +
    `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>` +
    rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('') +
    '</tbody></table></body></html>';
  writeFileSync(full, html);
  return { path: `/${file}`, remove: () => rmSync(full, { force: true }) };
}
