import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheControlFor, contentTypeFor, resolveStaticPath } from '#core/static-files';

const root = '/srv/app/out/renderer';

describe('resolveStaticPath', () => {
  it('maps ordinary asset paths inside the root', () => {
    expect(resolveStaticPath(root, '/index.html')).toBe('/srv/app/out/renderer/index.html');
    expect(resolveStaticPath(root, '/assets/index-Bx1.js')).toBe('/srv/app/out/renderer/assets/index-Bx1.js');
    expect(resolveStaticPath(root, '/')).toBe('/srv/app/out/renderer/index.html');
  });

  it('decodes harmless escapes such as spaces and unicode', () => {
    expect(resolveStaticPath(root, '/fonts/My%20Font.woff2')).toBe('/srv/app/out/renderer/fonts/My Font.woff2');
    expect(resolveStaticPath(root, '/img/%C3%A9t%C3%A9.png')).toBe('/srv/app/out/renderer/img/été.png');
  });

  it.each([
    ['plain parent', '/../secret.txt'],
    ['nested parent', '/assets/../../etc/passwd'],
    ['parent that would stay inside', '/assets/../index.html'],
    ['dot segment', '/./index.html'],
    ['encoded dots', '/%2e%2e/etc/passwd'],
    ['upper-case encoded dots', '/%2E%2E/etc/passwd'],
    ['half-encoded dots', '/.%2e/etc/passwd'],
    ['double-encoded dots', '/%252e%252e/etc/passwd'],
    ['encoded slash', '/..%2fetc%2fpasswd'],
    ['encoded backslash', '/..%5c..%5cwindows'],
    ['raw backslash', '/..\\..\\windows'],
    ['backslash inside a name', '/assets\\index.js'],
    ['encoded NUL', '/index.html%00.png'],
    ['raw NUL', '/index.html\u0000.png'],
    ['control character', '/index%0a.html'],
    ['drive letter', '/C:/Windows/win.ini'],
    ['encoded drive letter', '/C%3A/Windows/win.ini'],
    ['UNC-like double slash', '//server/share/x'],
    ['empty segment', '/assets//index.js'],
    ['directory with trailing slash', '/assets/'],
    ['malformed escape', '/%E0%A4%A'],
    ['lone percent', '/100%.png'],
    ['relative path', 'index.html'],
    ['empty path', ''],
    ['overlong path', `/${'a'.repeat(2000)}`],
  ])('refuses %s', (_name, raw) => {
    expect(resolveStaticPath(root, raw)).toBeNull();
  });

  it('refuses anything that still contains an escape after one decode', () => {
    expect(resolveStaticPath(root, '/a%252eb.js')).toBeNull();
    expect(resolveStaticPath(root, '/a%25b.js')).toBeNull();
  });

  it('never returns a path outside the root, for a sweep of hostile inputs', () => {
    const pieces = ['..', '.', '%2e', '%2E', '%252e', '/', '%2f', '\\', '%5c', 'a', '%00', '%', ':', ''];
    for (const a of pieces) {
      for (const b of pieces) {
        for (const c of pieces) {
          const result = resolveStaticPath(root, `/${a}${b}/${c}`);
          if (result !== null) expect(result.startsWith(`${root}/`)).toBe(true);
        }
      }
    }
  });

  it('stays inside a Windows root with Windows path rules', () => {
    const winRoot = 'C:\\Program Files\\Fieldwork\\resources\\app.asar\\out\\renderer';
    expect(resolveStaticPath(winRoot, '/assets/a.js', path.win32)).toBe(`${winRoot}\\assets\\a.js`);
    expect(resolveStaticPath(winRoot, '/..\\..\\x', path.win32)).toBeNull();
    expect(resolveStaticPath(winRoot, '/D:/x', path.win32)).toBeNull();
    expect(resolveStaticPath(winRoot, '/%5c%5cserver%5cshare', path.win32)).toBeNull();
  });
});

describe('contentTypeFor', () => {
  it('gives the types the renderer needs and a safe default', () => {
    expect(contentTypeFor('/x/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/x/a.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/x/a.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('/x/f.woff2')).toBe('font/woff2');
    expect(contentTypeFor('/x/i.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('/x/blob.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/noext')).toBe('application/octet-stream');
  });
});

describe('cacheControlFor', () => {
  it('keeps only files named for their content for good', () => {
    const kept = 'public, max-age=31536000, immutable';
    for (const p of ['/assets/ui-lllWL0e0.js', '/assets/app-d--pwsBx.js', '/assets/app-more-UcbHWvAK.css'])
      expect(cacheControlFor(p), p).toBe(kept);
    for (const p of [
      '/',
      '/index.html',
      '/favicon.svg',
      '/assets/app.js',
      '/assets/ui-lllWL0e.js',
      '/assets/ui-lllWL0e0.html',
      '/assets/sub/ui-lllWL0e0.js',
      '/elsewhere/ui-lllWL0e0.js',
      '/api/app.info',
    ])
      expect(cacheControlFor(p), p).toBe('no-cache');
  });
});
