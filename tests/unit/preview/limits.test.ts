import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, startPreviewServer, type PreviewServer } from '#preview/server';
import { dumpDatabase, sampleClient, tempBackend } from '../../helpers/backend';

/**
 * Requests as an attacker writes them, on a raw socket: what the server
 * answers and when it closes. `send` is written once; `more` decides what
 * else is written after the first bytes of the answer (nothing by default).
 */
function raw(
  port: number,
  send: string,
  more?: (write: (s: string) => boolean) => void,
): Promise<{ answer: string; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('connect', () => {
      socket.write(send);
      more?.((s) => socket.write(s));
    });
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    // Resolves only when the server closes the connection: a kept-alive or hanging socket times the test out.
    socket.on('close', () => resolve({ answer, closed: true }));
    // The server may close while the client still writes.
    socket.on('error', (e: NodeJS.ErrnoException) =>
      ['ECONNRESET', 'EPIPE', 'ERR_STREAM_DESTROYED'].includes(e.code ?? '') ? undefined : reject(e),
    );
  });
}

const t = tempBackend();
const staticDir = mkdtempSync(join(tmpdir(), 'fieldwork-static-'));
let server: PreviewServer;
const statusOf = (answer: string) => /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];

beforeAll(async () => {
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Fieldwork</title>');
  // Short timeouts so the slow-client tests end quickly; production values are seconds (see server.ts).
  server = await startPreviewServer({ backend: t.backend, staticDir, timeouts: { headersMs: 300, requestMs: 600 } });
});
afterAll(async () => {
  await server.close();
  t.cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`;

describe('preview host: request limits', () => {
  it('refuses a second Host header (400), even when the first one is ours', async () => {
    const before = dumpDatabase(t.backend.db);
    const body = JSON.stringify(sampleClient());
    for (const hosts of [
      [`127.0.0.1:${server.port}`, 'evil.example'],
      ['evil.example', `127.0.0.1:${server.port}`],
      [`127.0.0.1:${server.port}`, `127.0.0.1:${server.port}`],
    ]) {
      const { answer } = await raw(
        server.port,
        head([
          'POST /api/clients.create HTTP/1.1',
          ...hosts.map((h) => `Host: ${h}`),
          `X-Fieldwork-Token: ${server.token}`,
          'Content-Type: application/json',
          `Content-Length: ${Buffer.byteLength(body)}`,
          'Connection: close',
        ]) + body,
      );
      expect(statusOf(answer), hosts.join(' + ')).toBe('400');
    }
    expect(dumpDatabase(t.backend.db)).toEqual(before);
  });

  it('answers 413 on a declared 64 MiB body before any of it is sent, and closes', async () => {
    const { answer, closed } = await raw(
      server.port,
      head([
        'POST /api/clients.create HTTP/1.1',
        `Host: 127.0.0.1:${server.port}`,
        `X-Fieldwork-Token: ${server.token}`,
        'Content-Type: application/json',
        `Content-Length: ${64 * 1024 * 1024}`,
      ]),
    );
    expect(statusOf(answer)).toBe('413');
    expect(answer).toContain('too_large');
    expect(closed).toBe(true);
  });

  it('stops reading a chunked body at the limit: 413 and the connection closes though the client goes on', async () => {
    const chunk = 'x'.repeat(1024 * 1024);
    let sent = 0;
    const { answer } = await raw(
      server.port,
      head([
        'POST /api/clients.create HTTP/1.1',
        `Host: 127.0.0.1:${server.port}`,
        `X-Fieldwork-Token: ${server.token}`,
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
      ]),
      (write) => {
        // Twice the limit, written as fast as the socket takes it; never the final chunk.
        const pump = () => {
          while (sent < 2 * MAX_BODY_BYTES) {
            sent += chunk.length;
            if (!write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)) return void setImmediate(pump);
          }
        };
        pump();
      },
    );
    expect(statusOf(answer)).toBe('413');
  });

  it('closes with 408 a request whose body never arrives', async () => {
    const { answer } = await raw(
      server.port,
      head([
        'POST /api/clients.create HTTP/1.1',
        `Host: 127.0.0.1:${server.port}`,
        `X-Fieldwork-Token: ${server.token}`,
        'Content-Type: application/json',
        'Content-Length: 100',
      ]) + '{"name":',
    );
    expect(statusOf(answer)).toBe('408');
  });

  it('closes with 408 a request whose headers never end', async () => {
    const { answer } = await raw(server.port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nX-Slow: 1`);
    expect(statusOf(answer)).toBe('408');
  });
});
