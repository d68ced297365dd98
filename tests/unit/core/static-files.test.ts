import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentTypeFor, resolveStaticPath } from '#core/static-files';
import { defaultDataDir } from '#core/data-dir';

const root = resolve('/srv/app');

describe('resolveStaticPath', () => {
  it('maps ordinary paths inside the root, / to index.html', () => {
    expect(resolveStaticPath(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/app-1.js')).toBe(join(root, 'assets', 'app-1.js'));
    expect(resolveStaticPath(root, '/assets/My%20Font.woff2')).toBe(join(root, 'assets', 'My Font.woff2'));
  });

  it.each([
    '/../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/etc/passwd',
    '/..%2fetc%2fpasswd',
    '/assets%2f..%2f..%2fetc',
    '/..\\..\\windows',
    '/%5c..%5cwindows',
    '/index.html%00.png',
    '/%E0%A4%A',
  ])('refuses %s', (p) => {
    expect(resolveStaticPath(root, p)).toBeNull();
  });

  it('names content types', () => {
    expect(contentTypeFor('a/index.html')).toMatch(/^text\/html/);
    expect(contentTypeFor('x.JS')).toMatch(/javascript/);
    expect(contentTypeFor('x.unknown')).toBe('application/octet-stream');
  });
});

describe('defaultDataDir', () => {
  it('prefers FIELDWORK_DATA_DIR, else the platform folder', () => {
    expect(defaultDataDir({ FIELDWORK_DATA_DIR: '/data/fw' }, 'linux')).toBe('/data/fw');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(join('/x', 'Fieldwork'));
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library.Application Support.Fieldwork$/);
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Fieldwork$/);
  });
});
