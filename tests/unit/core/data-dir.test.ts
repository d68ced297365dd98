import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir } from '#core/data-dir';

describe('defaultDataDir', () => {
  it('prefers FIELDWORK_DATA_DIR, else the platform folder', () => {
    expect(defaultDataDir({ FIELDWORK_DATA_DIR: '/data/fw' }, 'linux')).toBe('/data/fw');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/x' }, 'linux')).toBe(join('/x', 'Fieldwork'));
    expect(defaultDataDir({}, 'darwin')).toMatch(/Library.Application Support.Fieldwork$/);
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(/Fieldwork$/);
  });
});
