import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../helpers/serve';

/**
 * electron-builder cannot run here (no Electron binary), so the packaging of the `fieldwork` launchers is checked
 * on its configuration: valid by electron-builder's own schema (app-builder-lib's scheme.json), each launcher put
 * where the README says, and the Windows one, which cannot run here, read line by line. The POSIX launcher runs
 * in built-app.test.ts, in both the Linux and the macOS layout.
 */
interface FileSet {
  from: string;
  to: string;
}
interface BuilderConfig {
  productName: string;
  files: string[];
  linux: { executableName: string; extraFiles: FileSet[] };
  win: { extraFiles: FileSet[] };
  mac: { extraResources: FileSet[] };
}

// js-yaml, the reader electron-builder itself uses for this file (it comes with it, without type declarations).
const yaml = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };
const config = yaml.load(readFileSync(join(REPO_ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig;

describe('electron-builder.yml and the fieldwork launchers', () => {
  // Compiling electron-builder's large schema takes seconds on a busy machine.
  it("is valid by electron-builder's schema", { timeout: 60_000 }, () => {
    const schema = JSON.parse(
      readFileSync(join(REPO_ROOT, 'node_modules', 'app-builder-lib', 'scheme.json'), 'utf8'),
    ) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('packs the built CLI and puts each launcher in its documented place', () => {
    expect(config.files).toContain('out/**');
    expect(config.linux.extraFiles).toContainEqual({ from: 'build/launchers/fieldwork', to: 'bin/fieldwork' });
    expect(config.mac.extraResources).toContainEqual({ from: 'build/launchers/fieldwork', to: 'bin/fieldwork' });
    expect(config.win.extraFiles).toContainEqual({ from: 'build/launchers/fieldwork.cmd', to: 'bin/fieldwork.cmd' });
    // The POSIX launcher must stay executable: electron-builder copies the file's mode.
    expect(statSync(join(REPO_ROOT, 'build', 'launchers', 'fieldwork')).mode & 0o111).toBe(0o111);
  });

  it('the POSIX launcher names the binaries electron-builder makes', () => {
    const sh = readFileSync(join(REPO_ROOT, 'build', 'launchers', 'fieldwork'), 'utf8');
    expect(config.linux.executableName).toBe('fieldwork');
    expect(sh).toContain('exec "$here/../fieldwork" ');
    expect(config.productName).toBe('Fieldwork');
    expect(sh).toContain('exec "$here/../../MacOS/Fieldwork" ');
  });

  it('the POSIX launcher starts the app with --fieldwork-cli, never as Node', () => {
    const sh = readFileSync(join(REPO_ROOT, 'build', 'launchers', 'fieldwork'), 'utf8');
    const code = sh.split('\n').filter((l) => !l.startsWith('#'));
    expect(code.join('\n')).not.toMatch(/ELECTRON_RUN_AS_NODE|cli\.js/);
    expect(code).toContain('  exec "$here/../../MacOS/Fieldwork" --fieldwork-cli -- "$@"');
    // Linux: switches before the flag (after `--` they would be the command's), headless so no display is needed.
    expect(code).toContain('exec "$here/../fieldwork" --ozone-platform=headless --disable-gpu --fieldwork-cli -- "$@"');
  });

  it('the Windows launcher starts Fieldwork.exe with --fieldwork-cli, with CRLF line ends', () => {
    const cmd = readFileSync(join(REPO_ROOT, 'build', 'launchers', 'fieldwork.cmd'), 'utf8');
    expect(cmd.endsWith('\r\n')).toBe(true);
    expect(cmd.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = cmd.split('\r\n').filter((l) => l !== '' && !/^rem /i.test(l));
    expect(lines).toEqual([
      '@echo off',
      'setlocal',
      // %~dp0 is bin\ with its trailing backslash: the executable is one folder up.
      '"%~dp0..\\Fieldwork.exe" --fieldwork-cli -- %*',
      'exit /b %ERRORLEVEL%',
    ]);
  });

  it('package.json: npm test builds before the unit tests, and tsx is not shipped', () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.scripts.build).toBe('electron-vite build');
    expect(pkg.scripts.test).toMatch(/&& npm run build && npm run test:unit && npm run test:e2e$/);
    // electron-builder packs package.json dependencies into the app: the CLI must not need a TypeScript loader.
    expect(Object.keys(pkg.dependencies)).not.toContain('tsx');
    expect(Object.keys(pkg.devDependencies)).toContain('tsx');
  });
});
