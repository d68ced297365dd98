/**
 * The worker threads electron-vite builds beside the app's main process (out/main/export-worker.js and
 * soa-worker.js, electron.vite.config.ts): their only entries, in the app, the CLI and the preview host alike.
 * Bundled code passes its own URL (electron/main/backend-host.ts, electron/cli/entry.ts), since a bundle's
 * chunks sit elsewhere; this default serves the backend run from its TypeScript sources, in tests, which so run
 * the built workers too (`npm test` builds first; `npm run build` after changing worker code).
 */
export const builtWorkerUrl = (name: 'export-worker' | 'soa-worker'): URL =>
  new URL(`../../../../out/main/${name}.js`, import.meta.url);
