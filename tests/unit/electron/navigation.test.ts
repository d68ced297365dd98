import type { WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fake, FakeEvent, FakeWebContents, resetFake } from './electron-fake';

vi.mock('electron', async () => (await import('./electron-fake')).electronMock());
const { hardenWebContents, safeExternalUrl } = await import('../../../electron/main/navigation');

describe('safeExternalUrl', () => {
  it('accepts plain https URLs and returns them normalised', () => {
    expect(safeExternalUrl('https://www.iso.org/standard/27001')).toBe('https://www.iso.org/standard/27001');
    expect(safeExternalUrl('HTTPS://Example.ORG')).toBe('https://example.org/');
  });

  it.each([
    'http://example.org/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://fieldwork/index.html',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'https://user:pass@example.org/',
    'https://user@example.org/',
    'https://',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(safeExternalUrl(url)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(safeExternalUrl(undefined)).toBeNull();
    expect(safeExternalUrl({ href: 'https://example.org' })).toBeNull();
  });
});

describe('hardenWebContents', () => {
  let contents: FakeWebContents;
  beforeEach(() => {
    resetFake();
    contents = new FakeWebContents();
    hardenWebContents(contents as unknown as WebContents);
  });

  it.each(['will-navigate', 'will-redirect', 'will-attach-webview'])('prevents %s', (name) => {
    const event = new FakeEvent();
    contents.emit(name, event, 'https://evil.example/');
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies every new window and opens only safe https links externally', () => {
    const open = contents.windowOpenHandler!;
    expect(open({ url: 'https://www.iso.org/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'http://www.iso.org/' })).toEqual({ action: 'deny' });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'https://a:b@evil.example/' })).toEqual({ action: 'deny' });
    expect(fake.shell.openExternal.mock.calls).toEqual([['https://www.iso.org/']]);
  });

  it('survives the system browser failing to open', async () => {
    fake.shell.openExternal.mockImplementation(() => Promise.reject(new Error('no browser')));
    expect(contents.windowOpenHandler!({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
    await new Promise((r) => setTimeout(r, 0)); // an unhandled rejection would fail the run
  });
});
