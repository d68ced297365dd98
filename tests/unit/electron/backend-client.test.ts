import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '#shared/api/result';
import { createBackendClient, type BackendProcess } from '../../../electron/main/backend-client';
import type { HostRequest } from '../../../electron/main/backend-messages';

class FakeHost extends EventEmitter implements BackendProcess {
  sent: unknown[] = [];
  killed = false;
  postMessage(message: unknown) {
    this.sent.push(message);
  }
  kill() {
    this.killed = true;
    return true;
  }
  requests = () => this.sent as HostRequest[];
  reply(id: number, value: unknown) {
    this.emit('message', { id, result: ok(value) });
  }
}

const setup = () => {
  const hosts: FakeHost[] = [];
  const client = createBackendClient(() => {
    const host = new FakeHost();
    hosts.push(host);
    return host;
  }, 50);
  return { hosts, client };
};

describe('backend client', () => {
  it('starts the process on the first call and sends {id, op, input}', async () => {
    const { hosts, client } = setup();
    expect(client.running).toBe(false);
    const pending = client.call('clients.list', {});
    expect(hosts).toHaveLength(1);
    expect(client.running).toBe(true);
    const req = hosts[0]!.requests()[0];
    expect(req).toEqual({ id: expect.any(Number) as number, op: 'clients.list', input: {} });
    hosts[0]!.reply(req!.id, ['a']);
    await expect(pending).resolves.toEqual(ok(['a']));
  });

  it('matches replies to requests by id, in any order, and ignores stray messages', async () => {
    const { hosts, client } = setup();
    const a = client.call('clients.get', { id: 'a' });
    const b = client.call('clients.get', { id: 'b' });
    const [ra, rb] = hosts[0]!.requests();
    expect(ra!.id).not.toBe(rb!.id);
    hosts[0]!.emit('message', { hello: 'world' });
    hosts[0]!.emit('message', { id: 9999, result: ok('nobody') });
    hosts[0]!.reply(rb!.id, 'B');
    hosts[0]!.reply(ra!.id, 'A');
    await expect(a).resolves.toEqual(ok('A'));
    await expect(b).resolves.toEqual(ok('B'));
    expect(hosts).toHaveLength(1);
  });

  it('answers unavailable for calls in flight when the process dies, then restarts it', async () => {
    const { hosts, client } = setup();
    const lost = [client.call('audits.list', {}), client.call('clients.list', {})];
    hosts[0]!.emit('exit', 1);
    for (const p of lost) {
      await expect(p).resolves.toEqual({
        ok: false,
        error: { code: 'unavailable', message: expect.any(String) as string },
      });
    }
    expect(client.running).toBe(false);
    const next = client.call('app.info', {});
    expect(hosts).toHaveLength(2);
    hosts[1]!.reply(hosts[1]!.requests()[0]!.id, 'fresh');
    await expect(next).resolves.toEqual(ok('fresh'));
  });

  it('answers unavailable when the process cannot be forked, and tries again next time', async () => {
    let attempts = 0;
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const client = createBackendClient(() => {
      attempts++;
      throw new Error('fork failed');
    });
    await expect(client.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    await expect(client.call('app.info', {})).resolves.toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(attempts).toBe(2);
    errors.mockRestore();
  });

  it('stop asks for a clean shutdown and resolves when the process exits', async () => {
    const { hosts, client } = setup();
    client.start();
    const stopped = client.stop();
    expect(hosts[0]!.sent).toEqual([{ type: 'shutdown' }]);
    hosts[0]!.emit('exit', 0);
    await stopped;
    expect(hosts[0]!.killed).toBe(false);
    expect(client.running).toBe(false);
  });

  it('stop kills a process that does not exit in time', async () => {
    const { hosts, client } = setup();
    client.start();
    await client.stop();
    expect(hosts[0]!.killed).toBe(true);
  });

  it('stop without a process does nothing', async () => {
    const { hosts, client } = setup();
    await client.stop();
    expect(hosts).toHaveLength(0);
  });
});
