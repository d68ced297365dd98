// Entry of the export worker when Fieldwork runs from its TypeScript sources
// (CLI, preview host, tests): worker threads do not inherit the parent's tsx
// loader, so it is registered here before the worker's code is imported.
// The packaged app runs the bundled out/main/export-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./export-worker.ts', import.meta.url).href);
