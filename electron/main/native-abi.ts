/**
 * How better-sqlite3 gets the right ABI.
 *
 * better-sqlite3 is a native addon compiled for one NODE_MODULE_VERSION at a
 * time: plain Node's (tests, preview host, CLI) or Electron's (the app).
 * - `npm start` first runs `node build/ensure-native.mjs electron`, which runs
 *   `electron-builder install-app-deps` unless the binary already fails in
 *   Node with Electron's ABI number (node_modules/electron/abi_version).
 * - `npm test` and `npm run preview` first run `node build/ensure-native.mjs node`,
 *   which runs `npm rebuild better-sqlite3` only if the binary does not load.
 * - Packaged builds: electron-builder rebuilds it for Electron (npmRebuild)
 *   and unpacks it from the asar (asarUnpack), see electron-builder.yml.
 * At run time, the backend host turns the loader's ABI error into the message
 * below instead of an opaque crash.
 */

export interface AbiMismatch {
  builtFor: number;
  required: number;
}

/** Reads Node's "compiled against ... NODE_MODULE_VERSION X ... requires NODE_MODULE_VERSION Y" error. */
export function parseAbiMismatch(message: string): AbiMismatch | null {
  const m = /NODE_MODULE_VERSION (\d+)\.[\s\S]*?requires\s+NODE_MODULE_VERSION (\d+)/.exec(message);
  return m ? { builtFor: Number(m[1]), required: Number(m[2]) } : null;
}

/** A message for the UI and the log; carries no paths or data, only what to do. */
export function describeBackendStartError(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const abi = parseAbiMismatch(text);
  if (abi) {
    return (
      `The database module was built for another runtime (ABI ${abi.builtFor}, this one needs ${abi.required}). ` +
      'Run "node build/ensure-native.mjs electron" (or reinstall the app) and restart.'
    );
  }
  return 'The Fieldwork database could not be opened. Check that the data folder is writable and restart the app.';
}
