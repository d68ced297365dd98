import { describe, expect, it } from 'vitest';
import { describeBackendStartError, parseAbiMismatch } from '../../../electron/main/native-abi';

// The text Node prints when a native addon was built for another ABI.
const NODE_ERROR =
  "The module '/home/u/app/node_modules/better-sqlite3/build/Release/better_sqlite3.node'\n" +
  'was compiled against a different Node.js version using\n' +
  'NODE_MODULE_VERSION 140. This version of Node.js requires\n' +
  'NODE_MODULE_VERSION 115. Please try re-compiling or re-installing\n' +
  'the module (for instance, using `npm rebuild` or `npm install`).';

describe('native ABI errors', () => {
  it('reads both ABI numbers from the loader error', () => {
    expect(parseAbiMismatch(NODE_ERROR)).toEqual({ builtFor: 140, required: 115 });
    expect(parseAbiMismatch('SQLITE_CANTOPEN: unable to open database file')).toBeNull();
  });

  it('tells the user what to run, without echoing the file path', () => {
    const text = describeBackendStartError(new Error(NODE_ERROR));
    expect(text).toContain('ensure-native.mjs electron');
    expect(text).toContain('140');
    expect(text).not.toContain('/home/u');
  });

  it('gives a generic message for other failures', () => {
    const text = describeBackendStartError(new Error('EACCES: permission denied, mkdir /home/u/secret'));
    expect(text).toMatch(/could not be opened/);
    expect(text).not.toContain('/home/u');
  });
});
