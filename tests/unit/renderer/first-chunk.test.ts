/**
 * The built renderer's first chunk (what index.html loads before any script
 * runs) asks for the opened screen's data and code; React DOM, Mantine and the
 * shell come after, in app/start's chunk. If an import drags them into the
 * first chunk, the list's request waits for all of them to be parsed again.
 * Reads the build in out/renderer (`npm test` builds first).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonDe } from '../../../renderer/src/i18n/common/de';
import { commonFr } from '../../../renderer/src/i18n/common/fr';
import { REPO_ROOT } from '../../helpers/serve';

const OUT = join(REPO_ROOT, 'out', 'renderer');
// Strings only these libraries' code holds: React DOM's root marker, Mantine's colour-scheme attribute.
const MARKERS = { 'React DOM': '__reactContainer', Mantine: 'data-mantine-color-scheme' };

const read = (file: string) => readFileSync(join(OUT, file), 'utf8');
/** Relative module specifiers a chunk imports statically (`from"./x.js"`, `import"./x.js"`). */
const staticImports = (code: string) =>
  [...code.matchAll(/(?:from|import)\s*["'`](\.\/[^"'`]+\.js)["'`]/g)].map((m) => m[1]!);
/** …and dynamically (`import(`./x.js`)`, quoted any way). */
const dynamicImports = (code: string) =>
  [...code.matchAll(/import\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1]!);

/** The module scripts index.html loads (the bundler may put its runtime in a script of its own before the entry). */
function entryFiles(): string[] {
  if (!existsSync(join(OUT, 'index.html')))
    throw new Error('No renderer build in out/renderer: run npm run build first');
  const entries = [...read('index.html').matchAll(/<script type="module"[^>]*src="\.\/([^"]+)"/g)].map((m) => m[1]!);
  if (entries.length === 0) throw new Error('index.html has no module script');
  return entries;
}

/** What the page loads before any screen: every module script with the chunks each imports statically. */
const firstChunk = () => [...new Set(entryFiles().flatMap((entry) => graphOf(entry)))];

/** A chunk and every chunk it imports statically, as paths under out/renderer. */
function graphOf(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const dir = file.slice(0, file.lastIndexOf('/') + 1);
    for (const spec of staticImports(read(file))) visit(dir + spec.slice(2));
  };
  visit(entry);
  return [...seen];
}

describe('the renderer build', () => {
  it('loads React DOM and Mantine only after the first chunk has started the opened screen', () => {
    const graph = firstChunk();
    const entry = graph[0]!;
    for (const file of graph) {
      const code = read(file);
      for (const [library, marker] of Object.entries(MARKERS)) {
        expect(code.includes(marker), `${library} is in ${file}, part of the first chunk`).toBe(false);
      }
    }
    // They come with the start chunk the first chunk imports dynamically (so the markers do name them).
    const dir = entry.slice(0, entry.lastIndexOf('/') + 1);
    const start = graph.flatMap((file) => dynamicImports(read(file))).find((spec) => /\/start-[^/]+\.js$/.test(spec));
    expect(start, 'the first chunk imports app/start dynamically').toBeDefined();
    const startCode = graphOf(dir + start!.slice(2))
      .map(read)
      .join('\n');
    for (const marker of Object.values(MARKERS)) expect(startCode).toContain(marker);
  });

  it('puts no stylesheet before the first chunk: it would wait for it to load', () => {
    expect(read('index.html')).not.toMatch(/<link[^>]*rel="stylesheet"/);
  });

  it('sends a screen in a few chunks, not dozens (a browser opens six connections to the preview host)', () => {
    const graph = firstChunk();
    const dir = graph[0]!.slice(0, graph[0]!.lastIndexOf('/') + 1);
    const page = graph
      .flatMap((file) => dynamicImports(read(file)))
      .find((spec) => /\/NonconformitiesPage-[^/]+\.js$/.test(spec));
    expect(page, 'the routes import the Nonconformities screen dynamically').toBeDefined();
    const screen = new Set([...graph, ...graphOf(dir + page!.slice(2))]);
    expect(screen.size).toBeLessThanOrEqual(8);
  });

  it("paints the lists without Dexie's draft journal or another language's catalogues", () => {
    const graph = firstChunk();
    const dir = graph[0]!.slice(0, graph[0]!.lastIndexOf('/') + 1);
    const lazy = graph.flatMap((file) => dynamicImports(read(file)));
    const chunk = (name: string) => {
      const spec = lazy.find((s) => new RegExp(`/${name}-[^/]+\\.js$`).test(s));
      expect(spec, `the first chunk imports ${name} dynamically`).toBeDefined();
      return graphOf(dir + spec!.slice(2));
    };
    // Strings only that code holds: Dexie's error name, a German and a French word of the common catalogue.
    const markers = { Dexie: 'MissingAPIError', German: commonDe.cancel, French: commonFr.cancel };
    for (const page of ['NonconformitiesPage', 'AuditList']) {
      const files = new Set([...graph, ...chunk('start'), ...chunk(page)]);
      for (const file of files) {
        const code = read(file);
        for (const [what, marker] of Object.entries(markers)) {
          expect(code.includes(marker), `${what} is in ${file}, loaded before ${page} paints`).toBe(false);
        }
      }
    }
    // The user's language comes as a chunk of its own, asked for by the first chunk.
    expect(lazy.filter((s) => /\/i18n-(en|de|fr)-[^/]+\.js$/.test(s))).toHaveLength(3);
  });
});
