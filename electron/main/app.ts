import { app, safeStorage, session, shell, utilityProcess, type BrowserWindow } from 'electron';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { ok } from '#shared/api/result';
import { createBackendClient, type BackendClient } from './backend-client';
import { createConversionTracker } from './conversion';
import { registerDesktopIpc } from './desktop-ipc';
import { registerIpcHandlers } from './ipc';
import { answerKeychainRequest, createKeychainGlue, type SafeStorageLike } from './keychain';
import { hardenWebContents } from './navigation';
import { createOpenEvidence } from './open-evidence';
import { createByteRelay } from './byte-relay';
import { appHeaders, handleAppProtocol, registerAppScheme } from './protocol';
import { hardenSession } from './session';
import { createMainWindow } from './window';

export interface AppPaths {
  preload: string;
  renderer: string;
  backendHost: string;
}

/** Where electron-vite puts the built pieces, relative to out/main. */
export function builtPaths(mainDir: string): AppPaths {
  return {
    preload: path.join(mainDir, '..', 'preload', 'index.cjs'),
    renderer: path.join(mainDir, '..', 'renderer'),
    backendHost: path.join(mainDir, 'backend-host.js'),
  };
}

export function startApp(paths: AppPaths): void {
  registerAppScheme(); // must happen before 'ready'
  // A second copy must not open the database: hand over to the first and leave.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }

  let win: BrowserWindow | null = null;
  let backend: BackendClient | null = null;
  let stopping = false;

  const openWindow = () => {
    const created = createMainWindow(paths.preload);
    created.on('closed', () => {
      if (win === created) win = null;
    });
    win = created;
  };

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('second-instance', () => {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Let the backend close the database cleanly before the app exits.
  app.on('before-quit', (event) => {
    if (stopping || !backend?.running) return;
    stopping = true;
    event.preventDefault();
    void backend.stop().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      const dataDir = app.getPath('userData');
      const args = [`--data-dir=${dataDir}`, `--app-version=${app.getVersion()}`];
      // The OS keychain, looked up when used, not at start-up: signing keys' secrets and the data folder's key.
      const keychainStorage: SafeStorageLike = {
        isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
        encryptString: (plain) => safeStorage.encryptString(plain),
        decryptString: (encrypted) => safeStorage.decryptString(encrypted),
      };
      // A plain folder encrypted on this start: its progress, for the window (conversion.ts).
      const conversion = createConversionTracker();
      const client = createBackendClient(() => {
        const proc = utilityProcess.fork(paths.backendHost, args, {
          serviceName: 'Fieldwork backend',
          stdio: 'inherit',
          // Two malloc arenas: sharp's threads otherwise keep one pool each, and a
          // photo-heavy report export peaked near 500 MB instead of about 400 MB.
          env: { ...process.env, MALLOC_ARENA_MAX: '2' },
        });
        // The data folder's key is wrapped by the OS keychain, which only this process reaches (host-unlock.ts).
        proc.on('message', (message: unknown) => {
          if (conversion.take(message)) return;
          const answer = answerKeychainRequest(keychainStorage, message);
          if (answer) proc.postMessage(answer);
        });
        return proc;
      });
      backend = client;
      handleAppProtocol(
        paths.renderer,
        createByteRelay((request) => client.bytes(request), appHeaders),
      );
      // Copies handed to other apps live here until the app quits.
      const openDir = path.join(app.getPath('temp'), `fieldwork-open-${process.pid}`);
      app.on('will-quit', () => rmSync(openDir, { recursive: true, force: true }));
      const openEvidence = createOpenEvidence({
        call: (op, input) => client.call(op, input),
        bytes: (request) => client.bytes(request),
        tempRoot: openDir,
        openPath: (file) => shell.openPath(file),
        showItemInFolder: (file) => shell.showItemInFolder(file),
      });
      // The OS keychain is reachable only from here: signing keys protected by it are wrapped/unwrapped on the way.
      const keychain = createKeychainGlue({
        safeStorage: keychainStorage,
        call: (op, input) => client.call(op, input),
      });
      // Handing a file to the OS (open it, or show it in its folder) is only the main process's to do.
      registerIpcHandlers(
        () => win,
        (op, input) =>
          op === 'security.conversion'
            ? Promise.resolve(ok(conversion.status()))
            : op === 'evidence.openExternal'
              ? // electronegativity OPEN_EXTERNAL: our method (allow-listed type, read-only copy), not shell's.
                openEvidence.openExternal(input) // eng-disable OPEN_EXTERNAL_JS_CHECK
              : op === 'evidence.showInFolder'
                ? openEvidence.showInFolder(input)
                : keychain(op, input),
      );
      // The desktop's extras: evidence imported by path, the data folder shown, Quit (desktop-ipc.ts).
      registerDesktopIpc(() => win, {
        call: (op, input) => client.call(op, input),
        dataDir,
        showItemInFolder: (file) => shell.showItemInFolder(file),
        quit: () => app.quit(),
      });
      client.start(); // open the database while the window loads
      openWindow();
      app.on('activate', () => {
        if (!win) openWindow();
      });
    })
    .catch((err: unknown) => {
      console.error('Fieldwork failed to start:', err);
      app.exit(1);
    });
}
