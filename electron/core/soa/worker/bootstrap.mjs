// Entry of the SoA parsing worker when Fieldwork runs from its TypeScript
// sources (CLI, preview host, tests): worker threads do not inherit the
// parent's tsx loader, so it is registered here before the worker's code is
// imported. The packaged app runs the bundled out/main/soa-worker.js instead.
import { register } from 'tsx/esm/api';

register();
await import(new URL('./soa-worker.ts', import.meta.url).href);
