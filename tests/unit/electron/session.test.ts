import type { Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withCsp } from '../../../electron/main/csp';
import { hardenSession } from '../../../electron/main/session';
import { fake } from './electron-fake';

const EXPECTED_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; media-src 'self' blob:; connect-src 'self'; frame-src blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

describe('CSP', () => {
  it('is exactly the agreed policy, with no eval', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(EXPECTED_CSP);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
  });

  it('replaces any CSP a response carries, whatever the header case, and keeps other headers', () => {
    const out = withCsp({
      'content-security-policy': ['default-src *'],
      'Content-Security-Policy-Report-Only': ['x'],
      'Content-Type': 'text/html',
    });
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [EXPECTED_CSP] });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [EXPECTED_CSP] });
  });
});

describe('hardenSession', () => {
  const ses = fake.session.defaultSession;
  hardenSession(ses as unknown as Session);

  it('denies every permission request', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      (ses.permissionRequestHandler as unknown as (w: unknown, p: string, cb: (g: boolean) => void) => void)(
        {},
        permission,
        (g) => (granted = g),
      );
      expect(granted).toBe(false);
    }
  });

  it('answers every permission check with false', () => {
    const check = ses.permissionCheckHandler as unknown as (...a: unknown[]) => boolean;
    expect(check({}, 'media', 'app://fieldwork', {})).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'app://fieldwork', {})).toBe(false);
  });

  it('sends the CSP on every response', () => {
    let response: { responseHeaders?: Record<string, string[]> } | undefined;
    (ses.headersReceived as unknown as (d: unknown, cb: (r: typeof response) => void) => void)(
      { url: 'https://example.org/', responseHeaders: { 'Content-Security-Policy': ["script-src 'unsafe-eval'"] } },
      (r) => (response = r),
    );
    expect(response?.responseHeaders?.['Content-Security-Policy']).toEqual([EXPECTED_CSP]);
  });
});
