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
  const LAYERS = 'fieldwork/layers';
  const cases: { name: string; file: string; code: string; rule: string; message: RegExp }[] = [
    // ---- shared: only itself and zod ----
    {
      name: 'shared importing node:fs',
      file: 'shared/__fixture__.ts',
      code: importing('node:fs', 'readFileSync'),
      rule: LAYERS,
      message: /^shared may not import the Node built-in 'node:fs'/,
    },
    {
      name: 'shared importing a bare Node builtin (path)',
      file: 'shared/domain/__fixture__.ts',
      code: "import path from 'path';\nexport const used = path;\n",
      rule: LAYERS,
      message: /^shared may not import the Node built-in 'path'/,
    },
    {
      name: 'shared importing react',
      file: 'shared/__fixture__.ts',
      code: importing('react', 'useState'),
      rule: LAYERS,
      message: /^shared may not import the package 'react'/,
    },
    {
      name: 'shared importing better-sqlite3',
      file: 'shared/__fixture__.ts',
      code: "import Database from 'better-sqlite3';\nexport const used = Database;\n",
      rule: LAYERS,
      message: /^shared may not import the package 'better-sqlite3'/,
    },
    {
      name: 'shared importing #core',
      file: 'shared/__fixture__.ts',
      code: importing('#core/backend', 'openBackend'),
      rule: LAYERS,
      message: /^shared may not import '#core\/backend' \(electron\/core\/backend\)/,
    },
    {
      name: 'shared importing the renderer by relative path',
      file: 'shared/__fixture__.ts',
      code: importing('../renderer/src/lib/format', 'plural'),
      rule: LAYERS,
      message: /^shared may not import '\.\.\/renderer\/src\/lib\/format'/,
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
    // ---- core: shared, itself, Node, its runtime dependencies ----
    {
      name: 'core importing electron',
      file: 'electron/core/__fixture__.ts',
      code: importing('electron', 'app'),
      rule: LAYERS,
      message: /^electron\/core may not import the package 'electron'/,
    },
    {
      name: 'core importing the CLI (#cli)',
      file: 'electron/core/repos/__fixture__.ts',
      code: importing('#cli/open', 'openForCli'),
      rule: LAYERS,
      message: /^electron\/core may not import '#cli\/open' \(electron\/cli\/open\)/,
    },
    {
      name: 'core importing the preview host (#preview)',
      file: 'electron/core/__fixture__.ts',
      code: importing('#preview/server', 'startServer'),
      rule: LAYERS,
      message: /^electron\/core may not import '#preview\/server' \(electron\/preview\/server\)/,
    },
    {
      name: 'core importing the main process by relative path',
      file: 'electron/core/__fixture__.ts',
      code: importing('../main/keychain', 'keychain'),
      rule: LAYERS,
      message: /^electron\/core may not import '\.\.\/main\/keychain' \(electron\/main\/keychain\)/,
    },
    {
      name: 'core importing a package that does not ship (a devDependency)',
      file: 'electron/core/__fixture__.ts',
      code: importing('fast-check', 'fc'),
      rule: LAYERS,
      message: /^electron\/core may not import the package 'fast-check'/,
    },
    // ---- front ends: #core/backend and #core/static-files only ----
    {
      name: 'main importing a core internal',
      file: 'electron/main/__fixture__.ts',
      code: importing('#core/repos/audits', 'listAudits'),
      rule: LAYERS,
      message: /^electron\/main may not import '#core\/repos\/audits'.*only through #core\/backend/,
    },
    {
      name: 'main importing the evidence store (it copies attachments out through evidence.read)',
      file: 'electron/main/__fixture__.ts',
      code: importing('#core/evidence/store', 'blobPath'),
      rule: LAYERS,
      message: /^electron\/main may not import '#core\/evidence\/store'/,
    },
    {
      name: 'cli importing a core internal',
      file: 'electron/cli/__fixture__.ts',
      code: importing('#core/repos/report-issues', 'issueBySha256'),
      rule: LAYERS,
      message: /^electron\/cli may not import '#core\/repos\/report-issues'/,
    },
    {
      name: 'cli importing a core internal dynamically',
      file: 'electron/cli/__fixture__.ts',
      code: "export const load = () => import('#core/signing/package-verify');\n",
      rule: LAYERS,
      message: /^electron\/cli may not import '#core\/signing\/package-verify'/,
    },
    {
      name: 'preview importing a core internal',
      file: 'electron/preview/__fixture__.ts',
      code: importing('#core/db/open', 'openDatabase'),
      rule: LAYERS,
      message: /^electron\/preview may not import '#core\/db\/open'/,
    },
    {
      name: 'preview importing electron',
      file: 'electron/preview/__fixture__.ts',
      code: importing('electron', 'net'),
      rule: LAYERS,
      message: /^electron\/preview may not import the package 'electron'/,
    },
    {
      name: 'cli importing electron/main',
      file: 'electron/cli/__fixture__.ts',
      code: importing('electron/main', 'app'),
      rule: LAYERS,
      message: /^electron\/cli may not import the package 'electron'/,
    },
    {
      name: 'preload importing #core',
      file: 'electron/preload/__fixture__.ts',
      code: importing('#core/backend', 'openBackend'),
      rule: LAYERS,
      message: /^electron\/preload may not import '#core\/backend'.*only forwards IPC/,
    },
    {
      name: 'preload importing better-sqlite3',
      file: 'electron/preload/__fixture__.ts',
      code: "import Database from 'better-sqlite3';\nexport const used = Database;\n",
      rule: LAYERS,
      message: /^electron\/preload may not import the package 'better-sqlite3'/,
    },
    {
      name: 'preload importing node:fs',
      file: 'electron/preload/__fixture__.ts',
      code: importing('node:fs', 'readFileSync'),
      rule: LAYERS,
      message: /^electron\/preload may not import the Node built-in 'node:fs'/,
    },
    // ---- renderer: shared, UI packages, itself; features never each other ----
    {
      name: 'renderer importing better-sqlite3',
      file: 'renderer/src/__fixture__.tsx',
      code: "import Database from 'better-sqlite3';\nexport const used = Database;\n",
      rule: LAYERS,
      message: /^renderer may not import the package 'better-sqlite3'/,
    },
    {
      name: 'renderer importing sharp',
      file: 'renderer/src/features/evidence/__fixture__.tsx',
      code: "import sharp from 'sharp';\nexport const used = sharp;\n",
      rule: LAYERS,
      message: /^renderer\/src\/features\/evidence may not import the package 'sharp'/,
    },
    {
      name: 'renderer importing node-forge',
      file: 'renderer/src/lib/__fixture__.ts',
      code: "import forge from 'node-forge';\nexport const used = forge;\n",
      rule: LAYERS,
      message: /^renderer\/src\/lib may not import the package 'node-forge'/,
    },
    {
      name: 'renderer importing node:fs',
      file: 'renderer/src/components/__fixture__.tsx',
      code: importing('node:fs', 'readFileSync'),
      rule: LAYERS,
      message: /^renderer\/src\/components may not import the Node built-in 'node:fs'/,
    },
    {
      name: 'renderer importing node:path',
      file: 'renderer/src/features/audits/__fixture__.tsx',
      code: importing('node:path', 'join'),
      rule: LAYERS,
      message: /may not import the Node built-in 'node:path'/,
    },
    {
      name: 'renderer importing #core',
      file: 'renderer/src/__fixture__.tsx',
      code: importing('#core/backend', 'openBackend'),
      rule: LAYERS,
      message: /^renderer may not import '#core\/backend'/,
    },
    {
      name: 'renderer importing electron',
      file: 'renderer/src/__fixture__.tsx',
      code: importing('electron', 'ipcRenderer'),
      rule: LAYERS,
      message: /^renderer may not import the package 'electron'/,
    },
    {
      name: 'a feature importing another feature',
      file: 'renderer/src/features/findings/__fixture__.tsx',
      code: importing('../records/RecordsLayout', 'RecordsLayout'),
      rule: LAYERS,
      message:
        /^renderer\/src\/features\/findings may not import '\.\.\/records\/RecordsLayout' \(renderer\/src\/features\/records\/RecordsLayout\).*never another feature/,
    },
    {
      name: 'a feature importing another feature from a subfolder',
      file: 'renderer/src/features/checklist/soa/__fixture__.tsx',
      code: importing('../../report/ReportTab', 'ReportTab'),
      rule: LAYERS,
      message: /^renderer\/src\/features\/checklist may not import '\.\.\/\.\.\/report\/ReportTab'/,
    },
    {
      name: 'a feature importing the app shell',
      file: 'renderer/src/features/audits/__fixture__.tsx',
      code: importing('../../app/Shell', 'Shell'),
      rule: LAYERS,
      message: /^renderer\/src\/features\/audits may not import '\.\.\/\.\.\/app\/Shell'/,
    },
    {
      name: 'a shared component importing a feature',
      file: 'renderer/src/components/__fixture__.tsx',
      code: importing('../features/findings/FindingsPage', 'FindingsPage'),
      rule: LAYERS,
      message:
        /^renderer\/src\/components may not import '\.\.\/features\/findings\/FindingsPage'.*must not depend on them/,
    },
    {
      name: 'renderer using process',
      file: 'renderer/src/__fixture__.tsx',
      code: 'export const mode = process.env.NODE_ENV;\n',
      rule: 'no-restricted-globals',
      message: /browser page/,
    },
    // ---- relative paths across areas ----
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
      name: 'main importing the backend, static files, node:path and #shared',
      file: 'electron/main/__fixture__.ts',
      code: [
        "import { openBackend } from '#core/backend';",
        "import { resolveStaticPath } from '#core/static-files';",
        "import { join } from 'node:path';",
        "import { OP_NAMES } from '#shared/api/ops';",
        'export const used = [openBackend, resolveStaticPath, join, OP_NAMES];',
        '',
      ].join('\n'),
    },
    {
      name: 'the CLI importing the backend, the preview host and commander',
      file: 'electron/cli/__fixture__.ts',
      code: [
        "import { openBackend } from '#core/backend';",
        "import { startServer } from '#preview/server';",
        "import { Command } from 'commander';",
        'export const used = [openBackend, startServer, Command];',
        '',
      ].join('\n'),
    },
    {
      name: 'preload importing electron and #shared',
      file: 'electron/preload/__fixture__.ts',
      code: "import { contextBridge } from 'electron';\nimport { OP_NAMES } from '#shared/api/ops';\nexport const used = [contextBridge, OP_NAMES];\n",
    },
    {
      name: 'a feature importing #shared, React, Mantine, components/, lib/, api/ and itself',
      file: 'renderer/src/features/audits/__fixture__.tsx',
      code: [
        "import { contract } from '#shared/api/contract';",
        "import { useState } from 'react';",
        "import { Button } from '@mantine/core';",
        "import { PageHeader } from '../../components/PageHeader';",
        "import { navigate } from '../../lib/router';",
        "import { useOp } from '../../api/ops';",
        "import { AuditForm } from './AuditForm';",
        "import classes from './audits.module.css';",
        'export const used = [contract, useState, Button, PageHeader, navigate, useOp, AuditForm, classes];',
        '',
      ].join('\n'),
    },
    {
      name: 'a feature subfolder importing its own feature',
      file: 'renderer/src/features/checklist/soa/__fixture__.tsx',
      code: importing('../useChecklist', 'useChecklist'),
    },
    {
      name: 'the app shell importing features',
      file: 'renderer/src/app/__fixture__.tsx',
      code: [
        "import { AuditList } from '../features/audits/AuditList';",
        "import { TeamTab } from '../features/team/TeamTab';",
        "import { navigate } from '../lib/router';",
        'export const used = [AuditList, TeamTab, navigate];',
        '',
      ].join('\n'),
    },
    {
      name: 'shared importing zod and a sibling module',
      file: 'shared/api/__fixture__.ts',
      code: "import { z } from 'zod';\nimport { Id } from '../domain/common';\nexport const used = [z, Id];\n",
    },
    {
      name: 'core importing node:fs, better-sqlite3, sharp and #shared',
      file: 'electron/core/db/__fixture__.ts',
      code: [
        "import { readFileSync } from 'node:fs';",
        "import Database from 'better-sqlite3';",
        "import sharp from 'sharp';",
        "import { ok } from '#shared/api/result';",
        "import { openBackend } from '../backend';",
        "import { listAudits } from '#core/repos/audits';",
        'export const used = [readFileSync, Database, sharp, ok, openBackend, listAudits];',
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
