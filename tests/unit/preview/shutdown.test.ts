import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startServe } from '../../helpers/serve';

it(
  'fieldwork serve exits cleanly on SIGTERM while a browser keeps a connection open',
  { timeout: 30_000 },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fieldwork-stop-'));
    const served = await startServe(dir);
    const agent = new Agent({ keepAlive: true });
    try {
      // A page load leaves a keep-alive socket open, as a browser tab does.
      await new Promise<void>((resolve, reject) => {
        request({ host: '127.0.0.1', port: served.port, path: '/', agent }, (res) => {
          res.resume();
          res.on('end', resolve);
        })
          .on('error', reject)
          .end();
      });
      // And a request still arriving (headers half sent), as on a slow or busy tab. It goes in one
      // write behind a whole request: once the host answers that one, it has read the half one too.
      const half = connect(served.port, '127.0.0.1');
      half.on('error', () => {});
      const answered = new Promise<void>((resolve) => half.once('data', () => resolve()));
      const host = `Host: 127.0.0.1:${served.port}\r\n`;
      half.write(`GET / HTTP/1.1\r\n${host}\r\nGET / HTTP/1.1\r\n${host}`);
      await answered;
      const exit = new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        served.proc.once('exit', (code, signal) => resolve([code, signal])),
      );
      served.proc.kill('SIGTERM');
      // Exit code 0, not a kill: the host closed the database and left by itself.
      expect(await exit).toEqual([0, null]);
    } finally {
      agent.destroy();
      if (served.proc.exitCode === null) served.proc.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
