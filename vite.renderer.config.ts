import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

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
/** Code the screens share: components, hooks, formatting, the domain's labels and schemas (with zod). */
const APP_SHARED =
  /[\\/]renderer[\\/]src[\\/](components|api)[\\/]|[\\/]renderer[\\/]src[\\/]lib[\\/][^/\\]+$|[\\/]shared[\\/]|[\\/]node_modules[\\/]zod[\\/]/;

export default defineConfig({
  root: rendererRoot,
  // Relative asset URLs: served from Electron's app:// protocol and the preview host alike.
  base: './',
  plugins: [react()],
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
            { name: 'boot', test: BOOT, priority: 3 },
            // Without their dependencies: React is boot's, and the app's modules are app's.
            { name: 'ui', test: UI_LIBRARIES, priority: 2, includeDependenciesRecursively: false },
            { name: 'app', test: APP_SHARED, priority: 1 },
          ],
        },
      },
    },
  },
});
