import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

/**
 * The renderer build, shared by the Electron build (electron.vite.config.ts
 * imports it) and the browser preview (`npx vite build -c vite.renderer.config.ts`).
 * `#shared/...` imports in renderer code resolve through package.json "imports".
 * The Content-Security-Policy (shared/security.ts) is sent as a header by both
 * hosts, so the page carries no meta copy of it; the renderer has no inline scripts.
 */
const rendererRoot = fileURLToPath(new URL('./renderer', import.meta.url));
const outDir = fileURLToPath(new URL('./out/renderer', import.meta.url));

/**
 * Chunks: a screen's first paint loads a handful of files, not dozens. Left to
 * itself the bundler cut the shared code into a chunk per set of screens using
 * it (about 50 requests before the Nonconformities screen painted), and the
 * preview's browser opens only six connections to the host, so they queued.
 * Screens stay chunks of their own (app/lazyPage); the first chunk holds no
 * React DOM nor Mantine (tests/unit/renderer/first-chunk.test.ts).
 */
/** The first chunk's modules (main.tsx, the routes and the query cache) with all they import, React itself included. */
const BOOT =
  /[\\/]renderer[\\/]src[\\/](main\.tsx|app[\\/](routes|queryClient)\.tsx?)$|[\\/]node_modules[\\/]react[\\/]/;
/** React DOM and the Mantine components of every screen (the charts of one screen aside), alone. */
const UI_LIBRARIES =
  /[\\/]node_modules[\\/](@mantine[\\/](core|hooks|modals|notifications|spotlight|store)|react-dom|scheduler|@floating-ui|@tabler|clsx|react-remove-scroll|react-remove-scroll-bar|react-style-singleton|use-sidecar|use-callback-ref|get-nonce|tslib|react-number-format|react-textarea-autosize|react-transition-group|@babel[\\/]runtime|dom-helpers|prop-types)[\\/]/;
/**
 * The screens a start most often opens (Audits is home; Nonconformities the other list across audits), with the
 * shell: what they import statically is the `app` chunk, evaluated before the first paint. Everything else the
 * screens share (the editors and forms with Dexie's draft journal, zod's schemas, @mantine/form) is `app-more`,
 * loaded by the screens that need it and, after the first screen has settled, with the others (app/routes).
 */
const FIRST_PAINT_ROOTS = [
  'app/start.tsx',
  'features/audits/AuditList.tsx',
  'features/team/ImportPackage.tsx',
  'features/dashboard/FirstRunSetup.tsx',
  'features/findings/NonconformitiesPage.tsx',
].map((path) => fileURLToPath(new URL(`./renderer/src/${path}`, import.meta.url)));
/** Code the screens share: components, hooks, formatting, the domain's labels and schemas (with zod, Dexie). */
const APP_SHARED =
  /[\\/]renderer[\\/]src[\\/](components|api|lib|i18n)[\\/]|[\\/]shared[\\/]|[\\/]node_modules[\\/](zod|dexie|@mantine[\\/]form|i18next|react-i18next|dayjs)[\\/]/;
/**
 * One chunk per language (i18n/catalogues.ts loads the one in use): a bundle module and the catalogues it holds,
 * `i18n-en`, `i18n-de`, `i18n-fr`.
 */
const CATALOGUE =
  /[\\/](?:renderer[\\/]src[\\/]i18n[\\/](?:bundles|[A-Za-z]+)|shared[\\/]i18n[\\/](?:errors|labels))[\\/](en|de|fr)\.ts$/;
/** The domain's English labels are read by shared/domain (AUDIT_STATUS_LABELS…), so they stay with the app's code. */
const DOMAIN_LABELS_EN = /[\\/]shared[\\/]i18n[\\/]labels[\\/]en\.ts$/;

const ROOTS = new Set(FIRST_PAINT_ROOTS);

/** Modules reached by static imports from FIRST_PAINT_ROOTS, found once the module graph is complete. */
const firstPaint = new Set<string>();
const firstPaintModules: Plugin = {
  name: 'fieldwork-first-paint-modules',
  buildEnd() {
    firstPaint.clear();
    const todo = [...FIRST_PAINT_ROOTS];
    for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
      if (firstPaint.has(id)) continue;
      const info = this.getModuleInfo(id);
      if (!info) throw new Error(`first-paint root or import not in the build: ${id}`);
      firstPaint.add(id);
      todo.push(...info.importedIds);
    }
  },
};

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: served from Electron's app:// protocol and the preview host alike.
  base: './',
  plugins: [react(), firstPaintModules],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2023',
    // electron-vite leaves the renderer unminified unless told: the desktop app parses it at every start.
    minify: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              name: (id) => `i18n-${CATALOGUE.exec(id)?.[1] ?? 'en'}`,
              debugName: 'i18n',
              test: (id) => CATALOGUE.test(id) && !DOMAIN_LABELS_EN.test(id),
              priority: 4,
              // Not the English labels a bundle imports: those are the app's (DOMAIN_LABELS_EN).
              includeDependenciesRecursively: false,
            },
            { name: 'boot', test: BOOT, priority: 3 },
            // Without their dependencies: React is boot's, and the app's modules are app's.
            { name: 'ui', test: UI_LIBRARIES, priority: 2, includeDependenciesRecursively: false },
            // The roots stay chunks of their own (the routes and main.tsx import them by name).
            { name: 'app', test: (id) => firstPaint.has(id) && !ROOTS.has(id), priority: 1 },
            { name: 'app-more', test: APP_SHARED, priority: 0 },
          ],
        },
      },
    },
  },
});
