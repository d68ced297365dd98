import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import renderer from './vite.renderer.config';

const at = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: at('./out/main'),
      // The CLI entry runs on Node 20 (package.json engines) as well as in Electron's newer Node.
      target: 'node20',
      // package.json dependencies (better-sqlite3, sharp, ...) are loaded from node_modules at run time, except
      // the small pure-JS ones every command needs at start: bundled, they are one file each instead of hundreds
      // to resolve and read (zod alone is 240 files), about 70 ms of `fieldwork audits` (npm run bench cli-startup).
      externalizeDeps: { exclude: ['zod', 'uuid', 'commander'] },
      rolldownOptions: {
        // ESM output; backend-host.js is the utility process entry, forked by index.js;
        // export-worker.js the worker thread the backend builds and signs documents in,
        // soa-worker.js the one it reads uploaded SoA files in; cli.js the `fieldwork` command (bin/fieldwork.mjs
        // in a checkout, the launcher beside the packaged app), which runs these same two workers.
        input: {
          index: at('./electron/main/index.ts'),
          'backend-host': at('./electron/main/backend-host.ts'),
          'export-worker': at('./electron/core/export/worker/export-worker.ts'),
          'soa-worker': at('./electron/core/soa/worker/soa-worker.ts'),
          cli: at('./electron/cli/entry.ts'),
          // The same commands for the packaged app's main process (`--fieldwork-cli`, electron/main/cli-mode.ts).
          'cli-app': at('./electron/cli/app-entry.ts'),
        },
        external: ['better-sqlite3', 'sharp'],
      },
    },
  },
  preload: {
    build: {
      outDir: at('./out/preload'),
      // A sandboxed preload can require only 'electron': bundle everything else, as CommonJS.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: at('./electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    ...renderer,
    build: {
      ...renderer.build,
      // Absolute: electron-vite would resolve a relative outDir against the project root.
      outDir: at('./out/renderer'),
      rolldownOptions: { ...renderer.build?.rolldownOptions, input: at('./renderer/index.html') },
    },
  },
});
