import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints small sources as if they lived in each layer, against the real eslint.config.js.
// Removing or loosening a layer rule makes the matching case fail.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A source that imports `name` from `source` and uses it, so only the import itself can be at fault. */
const importing = (source: string, name = 'x') =>
  `import { ${name} } from '${source}';\nexport const used = ${name};\n`;

let layers: ESLint;

beforeAll(() => {
  // The fixture paths do not exist, so no tsconfig program can hold them: lint them
  // without type information. The layer rules are syntactic and do not need it.
  layers = new ESLint({
    cwd: repoRoot,
    overrideConfigFile: 'eslint.config.js',
    ignore: false,
    overrideConfig: tseslint.configs.disableTypeChecked,
  });
});

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await layers.lintText(code, { filePath });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  return result.messages;
}

const summary = (messages: Linter.LintMessage[]) => messages.map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`);

describe('layer rules fire', () => {
  const cases: { name: string; file: string; code: string; rule: string; message: RegExp }[] = [
    {
      name: 'shared importing node:fs',
      file: 'shared/__fixture__.ts',
      code: importing('node:fs', 'readFileSync'),
      rule: 'no-restricted-imports',
      message: /Node built-ins/,
    },
    {
      name: 'shared importing a bare Node builtin (path)',
      file: 'shared/domain/__fixture__.ts',
      code: "import path from 'path';\nexport const used = path;\n",
      rule: 'no-restricted-imports',
      message: /Node built-ins/,
    },
    {
      name: 'shared importing react',
      file: 'shared/__fixture__.ts',
      code: importing('react', 'useState'),
      rule: 'no-restricted-imports',
      message: /no UI libraries/,
    },
    {
      name: 'shared importing better-sqlite3',
      file: 'shared/__fixture__.ts',
      code: "import Database from 'better-sqlite3';\nexport const used = Database;\n",
      rule: 'no-restricted-imports',
      message: /electron\/core/,
    },
    {
      name: 'shared importing #core',
      file: 'shared/__fixture__.ts',
      code: importing('#core/backend', 'openBackend'),
      rule: 'no-restricted-imports',
      message: /only import #shared/,
    },
    {
      name: 'shared using window',
      file: 'shared/__fixture__.ts',
      code: 'export const width = window.innerWidth;\n',
      rule: 'no-restricted-globals',
      message: /no DOM globals/,
    },
    {
      name: 'shared using fetch',
      file: 'shared/api/__fixture__.ts',
      code: "export const load = () => fetch('/x');\n",
      rule: 'no-restricted-globals',
      message: /no I\/O/,
    },
    {
      name: 'shared using process',
      file: 'shared/__fixture__.ts',
      code: 'export const env = process.env;\n',
      rule: 'no-restricted-globals',
      message: /no Node globals/,
    },
    {
      name: 'core importing electron',
      file: 'electron/core/__fixture__.ts',
      code: importing('electron', 'app'),
      rule: 'no-restricted-imports',
      message: /Only electron\/main and electron\/preload/,
    },
    {
      name: 'preview importing electron',
      file: 'electron/preview/__fixture__.ts',
      code: importing('electron', 'net'),
      rule: 'no-restricted-imports',
      message: /Only electron\/main and electron\/preload/,
    },
    {
      name: 'cli importing electron/main',
      file: 'electron/cli/__fixture__.ts',
      code: importing('electron/main', 'app'),
      rule: 'no-restricted-imports',
      message: /Only electron\/main and electron\/preload/,
    },
    {
      name: 'renderer importing better-sqlite3',
      file: 'renderer/src/__fixture__.tsx',
      code: "import Database from 'better-sqlite3';\nexport const used = Database;\n",
      rule: 'no-restricted-imports',
      message: /electron\/core/,
    },
    {
      name: 'renderer importing #core',
      file: 'renderer/src/__fixture__.tsx',
      code: importing('#core/backend', 'openBackend'),
      rule: 'no-restricted-imports',
      message: /only import #shared/,
    },
    {
      name: 'renderer importing node:path',
      file: 'renderer/src/features/__fixture__.tsx',
      code: importing('node:path', 'join'),
      rule: 'no-restricted-imports',
      message: /Node built-ins/,
    },
    {
      name: 'renderer importing electron',
      file: 'renderer/src/__fixture__.tsx',
      code: importing('electron', 'ipcRenderer'),
      rule: 'no-restricted-imports',
      message: /Only electron\/main and electron\/preload/,
    },
    {
      name: 'renderer using process',
      file: 'renderer/src/__fixture__.tsx',
      code: 'export const mode = process.env.NODE_ENV;\n',
      rule: 'no-restricted-globals',
      message: /browser page/,
    },
    {
      name: 'preload importing #core',
      file: 'electron/preload/__fixture__.ts',
      code: importing('#core/backend', 'openBackend'),
      rule: 'no-restricted-imports',
      message: /preload only forwards IPC/,
    },
    {
      name: 'preload importing better-sqlite3',
      file: 'electron/preload/__fixture__.ts',
      code: "import Database from 'better-sqlite3';\nexport const used = Database;\n",
      rule: 'no-restricted-imports',
      message: /electron\/core/,
    },
    {
      name: 'main climbing into shared by relative path',
      file: 'electron/main/__fixture__.ts',
      code: importing('../../shared/api/contract', 'contract'),
      rule: 'fieldwork/area-imports',
      message: /alias '#shared\/api\/contract'/,
    },
    {
      name: 'main reaching core by relative path',
      file: 'electron/main/__fixture__.ts',
      code: importing('../core/backend', 'openBackend'),
      rule: 'fieldwork/area-imports',
      message: /alias '#core\/backend'/,
    },
    {
      name: 'a test climbing into shared by relative path',
      file: 'tests/unit/__fixture__.test.ts',
      code: importing('../../shared/api/ops', 'OP_NAMES'),
      rule: 'fieldwork/area-imports',
      message: /alias '#shared\/api\/ops'/,
    },
    {
      name: 'renderer climbing into electron by relative path',
      file: 'renderer/src/__fixture__.tsx',
      code: importing('../../electron/preload/index', 'api'),
      rule: 'fieldwork/area-imports',
      message: /from renderer\/ into electron\//,
    },
    {
      name: 'shared climbing into renderer by relative path',
      file: 'shared/__fixture__.ts',
      code: importing('../renderer/src/app/theme', 'theme'),
      rule: 'fieldwork/area-imports',
      message: /from shared\/ into renderer\//,
    },
  ];

  it.each(cases)('$name', async ({ file, code, rule, message }) => {
    const messages = await lint(file, code);
    const hit = messages.find((m) => m.ruleId === rule);
    expect(hit, summary(messages).join('\n')).toBeDefined();
    expect(hit?.severity).toBe(2);
    expect(hit?.message).toMatch(message);
  });
});

describe('allowed imports pass', () => {
  const cases: { name: string; file: string; code: string }[] = [
    { name: 'main importing electron', file: 'electron/main/__fixture__.ts', code: importing('electron', 'app') },
    {
      name: 'preload importing electron',
      file: 'electron/preload/__fixture__.ts',
      code: importing('electron', 'contextBridge'),
    },
    {
      name: 'renderer importing #shared, React, Mantine and a deep relative path inside renderer',
      file: 'renderer/src/features/audits/__fixture__.tsx',
      code: [
        "import { contract } from '#shared/api/contract';",
        "import { useState } from 'react';",
        "import { Button } from '@mantine/core';",
        "import { PageHeader } from '../../components/PageHeader';",
        'export const used = [contract, useState, Button, PageHeader];',
        '',
      ].join('\n'),
    },
    {
      name: 'shared importing zod and a sibling module',
      file: 'shared/api/__fixture__.ts',
      code: "import { z } from 'zod';\nimport { Id } from '../domain/common';\nexport const used = [z, Id];\n",
    },
    {
      name: 'core importing node:fs, better-sqlite3 and #shared',
      file: 'electron/core/db/__fixture__.ts',
      code: [
        "import { readFileSync } from 'node:fs';",
        "import Database from 'better-sqlite3';",
        "import { ok } from '#shared/api/result';",
        "import { openBackend } from '../backend';",
        'export const used = [readFileSync, Database, ok, openBackend];',
        '',
      ].join('\n'),
    },
    {
      name: 'a test reaching the preview host, which has no alias',
      file: 'tests/unit/preview/__fixture__.test.ts',
      code: importing('../../../electron/preview/server', 'startServer'),
    },
  ];

  it.each(cases)('$name', async ({ file, code }) => {
    const messages = await lint(file, code);
    expect(summary(messages)).toEqual([]);
  });
});

describe('type-aware rules are on', () => {
  it('reports floating and misused promises in a real, type-checked file', async () => {
    // No override here: the full config, with type information from tests/fixtures/lint/tsconfig.json.
    const eslint = new ESLint({ cwd: repoRoot, overrideConfigFile: 'eslint.config.js', ignore: false });
    const [result] = await eslint.lintFiles(['tests/fixtures/lint/floating-promise.ts']);
    const rules = (result?.messages ?? []).map((m) => `${m.ruleId ?? 'fatal'}@${m.line}`);
    expect(rules).toEqual(
      expect.arrayContaining([
        '@typescript-eslint/no-floating-promises@8',
        '@typescript-eslint/no-misused-promises@15',
      ]),
    );
    expect(result?.messages.every((m) => m.severity === 2 && !m.fatal)).toBe(true);
  }, 60_000);
});
