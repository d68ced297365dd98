import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openBackend } from '#core/backend';
import type { Result } from '#shared/api/result';
import { createBackendClient, type BackendProcess } from '../../../electron/main/backend-client';
import { parseHostOptions, serveBackend, type Dispatcher } from '../../../electron/main/backend-serve';

/**
 * Wires the real client to the real host loop in-process, the way Electron
 * does across processes: messages are structured-cloned and arrive later.
 */
function connect(open: () => Dispatcher | Promise<Dispatcher>, warmAfterMs?: number) {
  const proc = new EventEmitter() as EventEmitter & BackendProcess;
  const port = new EventEmitter();
  const later = (fn: () => void) => setImmediate(fn);
  proc.postMessage = (m) => later(() => port.emit('message', { data: structuredClone(m) }));
  proc.kill = () => (later(() => proc.emit('exit', 137)), true);
  const hostPort = {
    on: (event: 'message', l: (e: { data: unknown }) => void) => port.on(event, l),
    postMessage: (m: unknown) => later(() => proc.emit('message', structuredClone(m))),
  };
  const exits: number[] = [];
  void serveBackend(
    hostPort,
    open,
    (code) => {
      exits.push(code);
      later(() => proc.emit('exit', code));
    },
    warmAfterMs,
  );
  return { proc, exits };
}

/** For fakes whose tests send no bytes. */
const noBytes: Dispatcher['bytes'] = {
  put: () => Promise.reject(new Error('no bytes expected')),
  file: () => ({ ok: false, error: { code: 'not_found', message: 'none' } }),
  read: () => Promise.reject(new Error('no bytes expected')),
};

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fw-host-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('backend host options', () => {
  it('reads the data dir and version from argv, falling back to the environment', () => {
    expect(parseHostOptions(['node', 'x', '--data-dir=/d', '--app-version=1.2.3'], {})).toEqual({
      dataDir: '/d',
      appVersion: '1.2.3',
    });
    expect(parseHostOptions(['node', 'x'], { FIELDWORK_DATA_DIR: '/e' })).toEqual({ dataDir: '/e' });
    expect(parseHostOptions(['node', 'x', '--data-dir=/with=equals'], {})).toEqual({ dataDir: '/with=equals' });
    expect(parseHostOptions(['node', 'x', '--data-dir='], {})).toBeNull();
  });
});

describe('backend host and client together', () => {
  it('answers real operations against a real database in the data dir', async () => {
    const dataDir = tempDir();
    let backend: Dispatcher | null = null;
    const { proc } = connect(() => (backend = openBackend({ dataDir, appVersion: '7.7.7' })));
    const client = createBackendClient(() => proc);

    const info = await client.call('app.info', {});
    expect(info).toMatchObject({ ok: true, value: { version: '7.7.7' } });
    const bad = await client.call('clients.create', { name: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const unknown = await client.call('clients.drop', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_operation' } });
    await expect(client.call('clients.list', {})).resolves.toEqual({ ok: true, value: [] });
    expect(backend).not.toBeNull();
    await client.stop();
  });

  it('closes the database and exits on shutdown', async () => {
    const close = vi.fn();
    const { proc, exits } = connect(() => ({
      dispatch: () => Promise.resolve({ ok: true, value: null }),
      bytes: noBytes,
      close,
    }));
    const client = createBackendClient(() => proc);
    await client.call('app.info', {});
    await client.stop();
    expect(close).toHaveBeenCalledOnce();
    expect(exits).toEqual([0]);
    expect(client.running).toBe(false);
  });

  it('answers unavailable with a hint when the database cannot be opened, instead of crashing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const abiError = new Error(
      'was compiled against a different Node.js version using NODE_MODULE_VERSION 140. ' +
        'This version of Node.js requires NODE_MODULE_VERSION 115.',
    );
    const { proc, exits } = connect(() => Promise.reject(abiError));
    const client = createBackendClient(() => proc);
    const result = await client.call('clients.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(!result.ok && result.error.message).toContain('ensure-native.mjs electron');
    expect(exits).toEqual([]);
    errors.mockRestore();
  });

  it('turns a throwing dispatch into an internal error and keeps serving', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    const { proc } = connect(() => ({
      dispatch: () => {
        if (calls++ === 0) throw new Error('client name: ACME');
        return Promise.resolve({ ok: true, value: 'fine' });
      },
      bytes: noBytes,
      close: () => {},
    }));
    const client = createBackendClient(() => proc);
    await expect(client.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(client.call('app.info', {})).resolves.toEqual({ ok: true, value: 'fine' });
    expect(JSON.stringify(errors.mock.calls)).not.toContain('ACME'); // never log client data
    errors.mockRestore();
  });
});

describe('warming the backend', () => {
  /** A dispatcher whose answers wait until released, counting its warm() calls. */
  function slowBackend() {
    const pending: (() => void)[] = [];
    const backend = {
      warmed: 0,
      dispatch: () => new Promise<Result<unknown>>((r) => pending.push(() => r({ ok: true, value: null }))),
      bytes: noBytes,
      warm: () => {
        backend.warmed++;
        return Promise.resolve();
      },
      close: () => {},
    };
    /** Once `waiting` requests wait for their answers, answers the first `count` of them (all by default). */
    const release = async (waiting: number, count = waiting) => {
      await vi.waitFor(() => expect(pending.length).toBe(waiting));
      for (const answer of pending.splice(0, count)) answer();
    };
    return { backend, release };
  }

  afterEach(() => vi.useRealTimers());

  it('warms once it has answered and been idle, never while a request is in flight', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { backend, release } = slowBackend();
    const { proc } = connect(() => backend, 300);
    const client = createBackendClient(() => proc);

    // Before any answer, however long: the app's first screen is still to ask.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(backend.warmed).toBe(0);
    const first = client.call('findings.page', {});
    const second = client.call('audits.page', {});
    await release(2, 1);
    await first;
    // One answered, one still running: no warming, however long it runs.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(backend.warmed).toBe(0);
    await release(1);
    await second;

    // A request arriving before the idle time is up starts the wait again, and nothing warms while it runs.
    await vi.advanceTimersByTimeAsync(200);
    const third = client.call('app.info', {});
    await vi.waitFor(() => expect(backend.warmed).toBe(0));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(backend.warmed).toBe(0);
    await release(1);
    await third;
    await vi.advanceTimersByTimeAsync(299);
    expect(backend.warmed).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(backend.warmed).toBe(1);

    // Once only.
    const fourth = client.call('app.info', {});
    await release(1);
    await fourth;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(backend.warmed).toBe(1);
  });

  it('warms a real backend (every area imported) that keeps answering', async () => {
    const dataDir = tempDir();
    let warmed: Promise<void> | undefined;
    const { proc } = connect(() => {
      const backend = openBackend({ dataDir, appVersion: '7.7.7' });
      const warm = backend.warm.bind(backend);
      return { ...backend, warm: () => (warmed = warm()) };
    }, 10);
    const client = createBackendClient(() => proc);
    await expect(client.call('clients.list', {})).resolves.toEqual({ ok: true, value: [] });
    await vi.waitFor(() => expect(warmed).toBeDefined());
    await warmed;
    await expect(client.call('clients.list', {})).resolves.toEqual({ ok: true, value: [] });
    await client.stop();
    // Imports every handler area: seconds on a busy machine.
  }, 60_000);
});
