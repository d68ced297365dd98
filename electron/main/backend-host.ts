/**
 * Entry of the backend utility process (utilityProcess.fork from main). It
 * owns the SQLite database so that queries never block the main process.
 * Must not import 'electron': it talks to main through process.parentPort.
 */
import { parseHostOptions, serveBackend, type ParentPortLike } from './backend-serve';
import { desktopStart, sessionKeychain, splitPort, type ConversionMessage } from './host-unlock';

const port = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
const options = parseHostOptions(process.argv, process.env);

if (!port || !options) {
  console.error('backend-host must be started by the Fieldwork main process with --data-dir.');
  process.exit(2);
} else {
  // Keychain answers from main are taken off the port before serveBackend sees it (host-unlock.ts).
  const split = splitPort(port);
  void serveBackend(
    split.port,
    // Imported lazily so a native-module load failure is reported, not fatal.
    async () => {
      const core = await import('#core/backend');
      // The folder's data key through the OS keychain; a plain folder is encrypted on this start unless
      // FIELDWORK_ENCRYPT_DATA_DIR=0 (host-unlock.ts). A folder the keychain cannot open starts locked.
      const encrypt = process.env.FIELDWORK_ENCRYPT_DATA_DIR !== '0';
      // A conversion is synchronous here: main shows its progress in the window from these messages.
      const raw = port as unknown as { postMessage(m: ConversionMessage): void };
      const tell = (m: Omit<ConversionMessage, 'type'>) => raw.postMessage({ type: 'conversion', ...m });
      let converting = false;
      const initial = await desktopStart(options.dataDir, split.keychain, core, encrypt, (fraction, stage) => {
        converting = true;
        tell({ fraction, stage, done: false });
      }).finally(() => {
        if (converting) tell({ fraction: 1, stage: 'Done', done: true });
      });
      // Lockable (core's session): locking drops the key and the database; the window asks to unlock.
      return core.openSession({
        dataDir: options.dataDir,
        initial,
        keychain: sessionKeychain(split.keychain),
        idleMs: (minutes) => minutes * 60_000,
        // A damaged database starts for recovery only: backups listed and restored into a new folder.
        open: (dataKey) =>
          core.openServedBackend({
            ...options,
            dataKey,
            // Bundled beside this file by electron-vite (electron.vite.config.ts).
            exportWorkerUrl: new URL('./export-worker.js', import.meta.url),
            soaWorkerUrl: new URL('./soa-worker.js', import.meta.url),
          }),
      });
    },
    (code) => process.exit(code),
  );
}
