import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeBrowserWindow, resetFake } from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronMock());
// The CLI itself is tested in tests/unit/cli (and, launched through the app's built main entry, in
// built-app.test.ts); here the built out/main/cli-app.js is a stand-in that records what main hands it.
const startCliInApp = vi.fn();
const loaded: string[] = [];
const load = (file: string) => {
  loaded.push(file);
  return Promise.resolve({ startCliInApp });
};
const { cliRequest, runCliInMain } = await import('../../../electron/main/cli-mode');

/** Captures stderr; a write's callback still runs, as the branch waits for it before exiting. */
const silenceStderr = () =>
  vi.spyOn(process.stderr, 'write').mockImplementation((...args: unknown[]) => {
    (args.find((a) => typeof a === 'function') as (() => void) | undefined)?.();
    return true;
  });
const flush = () => new Promise((r) => setImmediate(r));
/** Resolves once app.exit was called (the branch waits for stdout and stderr to drain first). */
const exited = () => vi.waitFor(() => expect(fake.app.exit).toHaveBeenCalled());
const noDesktop = () => {
  expect(fake.app.requestSingleInstanceLock).not.toHaveBeenCalled();
  expect(fake.app.whenReady).not.toHaveBeenCalled();
  expect(fake.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
  expect(fake.utilityProcess.fork).not.toHaveBeenCalled();
  expect(fake.ipcMain.handle).not.toHaveBeenCalled();
  expect(FakeBrowserWindow.instances).toHaveLength(0);
};

describe('cliRequest', () => {
  it('takes everything after `--fieldwork-cli --` as the command, and keeps the switches to start it again', () => {
    const argv = ['/opt/F/fieldwork', '--ozone-platform=headless', '--fieldwork-cli', '--', 'call', '--', '-'];
    expect(cliRequest(argv)).toEqual({
      args: ['call', '--', '-'],
      launch: [...process.execArgv, '--ozone-platform=headless', '--fieldwork-cli', '--'],
    });
    // Unpackaged (`electron . --fieldwork-cli -- audits`): the app folder is part of the launch.
    expect(cliRequest(['electron', '.', '--fieldwork-cli', '--', 'audits'])).toMatchObject({ args: ['audits'] });
  });

  it('is null for the desktop app, even when the flag is only an argument after `--`', () => {
    expect(cliRequest(['/opt/F/fieldwork'])).toBeNull();
    expect(cliRequest(['/opt/F/fieldwork', '--', '--fieldwork-cli', '--'])).toBeNull();
  });

  it('refuses the flag without `--` (Chromium would read the arguments as its switches)', () => {
    expect(cliRequest(['/opt/F/fieldwork', '--fieldwork-cli', 'audits'])).toEqual({ malformed: true });
  });
});

describe('the main process started as the fieldwork command', () => {
  const argv = process.argv;
  beforeEach(() => {
    resetFake();
    startCliInApp.mockReset();
    loaded.length = 0;
  });
  afterEach(() => {
    process.argv = argv;
  });

  it('index.js takes the CLI branch before anything of the app starts', async () => {
    // The real loader would import out/main/cli-app.js, absent beside the sources: the load fails, exit 70.
    const err = silenceStderr();
    try {
      process.argv = ['/opt/Fieldwork/fieldwork', '--fieldwork-cli', '--', 'audits'];
      await import('../../../electron/main/index');
      await exited();
      expect(fake.app.exit).toHaveBeenCalledExactlyOnceWith(70);
      expect(String(err.mock.calls[0]?.[0])).toMatch(/^fieldwork: the command failed to start/);
      noDesktop();
    } finally {
      err.mockRestore();
    }
  });

  it('runs the built CLI with its arguments: no window, no lock, no backend; exits with the CLI’s code', async () => {
    startCliInApp.mockResolvedValue({ code: 3, keepRunning: false });
    const request = cliRequest(['/opt/F/fieldwork', '--fieldwork-cli', '--', 'audits', '--json', '--data-dir', '/d']);
    await runCliInMain(request!, '/opt/F/resources/app.asar/out/main/cli-app.js', load);
    await exited();
    expect(loaded).toEqual(['/opt/F/resources/app.asar/out/main/cli-app.js']);
    expect(startCliInApp).toHaveBeenCalledExactlyOnceWith(
      ['audits', '--json', '--data-dir', '/d'],
      [...process.execArgv, '--fieldwork-cli', '--'],
    );
    expect(fake.app.exit).toHaveBeenCalledExactlyOnceWith(3);
    expect(fake.app.disableHardwareAcceleration).toHaveBeenCalled();
    expect(fake.app.dock.hide).toHaveBeenCalled();
    noDesktop();
  });

  it('`serve` keeps the process running', async () => {
    startCliInApp.mockResolvedValue({ code: 0, keepRunning: true });
    await runCliInMain({ args: ['serve'], launch: [] }, '/app/out/main/cli-app.js', load);
    await flush();
    expect(fake.app.exit).not.toHaveBeenCalled();
    noDesktop();
  });

  it('a CLI that fails to load exits 70 with one line, naming no client data', async () => {
    const err = silenceStderr();
    try {
      const failing = () => Promise.reject(new TypeError('secret /home/x/Client GmbH'));
      await runCliInMain({ args: ['audits'], launch: [] }, '/app/out/main/cli-app.js', failing);
      await exited();
      expect(fake.app.exit).toHaveBeenCalledExactlyOnceWith(70);
      expect(err.mock.calls.map((c) => String(c[0])).join('')).toBe(
        'fieldwork: the command failed to start (TypeError).\n',
      );
    } finally {
      err.mockRestore();
    }
  });

  it('a malformed command line exits 2 without running anything', async () => {
    const err = silenceStderr();
    try {
      await runCliInMain({ malformed: true }, '/app/out/main/cli-app.js', load);
      await exited();
      expect(fake.app.exit).toHaveBeenCalledExactlyOnceWith(2);
      expect(startCliInApp).not.toHaveBeenCalled();
      noDesktop();
    } finally {
      err.mockRestore();
    }
  });
});
