import type { FieldworkApi, OpInput, OpOutput } from '#shared/api/contract';
import type { OpName } from '#shared/api/ops';
import type { ApiError, Result } from '#shared/api/result';

const TOKEN_KEY = 'fieldwork.previewToken';

/**
 * The preview host prints a URL with `?token=`. Keep the token for this tab
 * (so reloads work) and take it out of the address bar, so it is not left in
 * history, bookmarks or screenshots.
 */
export function readPreviewToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}${url.hash}`);
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** The header the preview host asks of the byte channel too; the desktop app's app:// needs none. */
export function byteHeaders(): Record<string, string> {
  const token = window.fieldwork ? null : sessionStorage.getItem(TOKEN_KEY);
  return token ? { 'X-Fieldwork-Token': token } : {};
}

const unavailable = (message: string): { ok: false; error: ApiError } => ({
  ok: false,
  error: { code: 'unavailable', message },
});

const isEnvelope = (v: unknown): v is Result<unknown> =>
  typeof v === 'object' && v !== null && 'ok' in v && typeof v.ok === 'boolean';

/** The browser preview's transport: `POST /api/<op>` with the input as JSON. */
export function createHttpApi(token: string | null): FieldworkApi {
  return {
    async invoke<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>> {
      let response: Response;
      try {
        response = await fetch(`/api/${op}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Fieldwork-Token': token ?? '' },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return unavailable('Fieldwork is not reachable. Is the preview server still running?');
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return unavailable(`The server answered with an unreadable response (HTTP ${response.status}).`);
      }
      if (!isEnvelope(body))
        return unavailable(`The server answered with an unexpected response (HTTP ${response.status}).`);
      // The envelope's value was checked against the contract by the backend.
      return body as Result<OpOutput<K>>;
    },
  };
}
