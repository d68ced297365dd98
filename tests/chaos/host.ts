import type { Served } from '../helpers/serve';

/** An answer envelope as the preview host sends it. */
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

/** POST /api/<op> on a running preview host, as the renderer does. */
export async function call<T = unknown>(host: Served, op: string, input: unknown): Promise<Envelope<T>> {
  const res = await fetch(`${host.origin}/api/${op}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': host.token },
    body: JSON.stringify(input),
  });
  return (await res.json()) as Envelope<T>;
}

/** The value of a call that must succeed; anything else is the harness's failure, not the host's. */
export async function must<T = unknown>(host: Served, op: string, input: unknown): Promise<T> {
  const r = await call<T>(host, op, input);
  if (!r.ok) throw new Error(`${op} refused: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/** One chunk of an upload through the byte channel (PUT /bytes/<id>?offset=). */
export async function putBytes(host: Served, uploadId: string, offset: number, bytes: Buffer): Promise<void> {
  const res = await fetch(`${host.origin}/bytes/${uploadId}?offset=${offset}`, {
    method: 'PUT',
    headers: { 'X-Fieldwork-Token': host.token, 'Content-Type': 'application/octet-stream' },
    body: bytes,
  });
  const r = (await res.json()) as Envelope;
  if (!r.ok) throw new Error(`byte upload refused: ${r.error.code}: ${r.error.message}`);
}

/** A whole download through the byte channel: `bytes.download` then GET /bytes/<id>. */
export async function download(host: Served, what: unknown): Promise<Buffer> {
  const { downloadId } = await must<{ downloadId: string }>(host, 'bytes.download', what);
  const res = await fetch(`${host.origin}/bytes/${downloadId}`, { headers: { 'X-Fieldwork-Token': host.token } });
  if (res.status !== 200) throw new Error(`download answered ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
