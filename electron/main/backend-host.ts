/**
 * Entry of the backend utility process (utilityProcess.fork from main). It
 * owns the SQLite database so that queries never block the main process.
 * Must not import 'electron': it talks to main through process.parentPort.
 */
import { parseHostOptions, serveBackend, type ParentPortLike } from './backend-serve';

const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
const options = parseHostOptions(process.argv, process.env);

if (!port || !options) {
  console.error('backend-host must be started by the Fieldwork main process with --data-dir.');
  process.exit(2);
} else {
  void serveBackend(
    port,
    // Imported lazily so a native-module load failure is reported, not fatal.
    async () =>
      (await import('#core/backend')).openBackend({
        ...options,
        // Bundled beside this file by electron-vite (electron.vite.config.ts).
        exportWorkerUrl: new URL('./export-worker.js', import.meta.url),
        soaWorkerUrl: new URL('./soa-worker.js', import.meta.url),
      }),
    (code) => process.exit(code),
  );
}
