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
  },
});
