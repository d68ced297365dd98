// ESLint flat config: type-aware TypeScript rules plus the architecture's layer
// boundaries as errors. The layer rules are proven by tests/unit/lint/layers.test.ts.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));

// ---- building blocks for no-restricted-imports (regex: exact, no gitignore surprises) ----
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const bareBuiltins = [...new Set(builtinModules.map((m) => m.split('/')[0]))].map(escape).join('|');

const NODE = [
  { regex: '^node:', message: 'Node built-ins are not available in this layer.' },
  { regex: `^(?:${bareBuiltins})(?:/.*)?$`, message: 'Node built-ins are not available in this layer.' },
];
const ELECTRON = {
  regex: '^electron(?:/.*)?$',
  message: 'Only electron/main and electron/preload may import electron.',
};
const SQLITE = {
  regex: '^better-sqlite3(?:/.*)?$',
  message: 'The database belongs to electron/core; go through the API contract.',
};
const UI = {
  regex: '^(?:react[\\w-]*|@mantine/[\\w-]+|@tabler/[\\w-]+|dexie)(?:/.*)?$',
  message: 'shared/ is pure TypeScript: no UI libraries.',
};
const ONLY_SHARED_ALIAS = {
  regex: '^#(?!shared/)',
  message: 'This layer may only import #shared/*; reach the backend through the API contract.',
};

const restrict = (...groups) => ['error', { patterns: groups.flat() }];

// ---- cross-area relative imports ----
// Areas talk through package.json subpath imports (#shared/*, #core/*). A relative path
// that climbs into another area couples to its folder layout and bypasses the layer
// rules above, so it is an error. Tests may still reach areas that have no alias.
const ALIASES = [
  ['shared', '#shared'],
  ['electron/core', '#core'],
];
const APP_TOPS = new Set(['shared', 'electron', 'renderer']);

/** 'electron/core/db/open.ts' -> 'electron/core'; 'renderer/src/x.tsx' -> 'renderer'. */
function areaOf(rel) {
  const parts = rel.split('/');
  if (parts.length < 2) return '(root)';
  if (parts[0] === 'electron' && parts.length > 2) return `electron/${parts[1]}`;
  return parts[0];
}

const areaImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports must stay inside their area; use #shared/* or #core/* across areas.' },
    schema: [],
    messages: {
      useAlias: "Import '{{source}}' through the alias '{{alias}}' instead of a relative path into {{area}}/.",
      crossArea: "'{{source}}' reaches from {{from}}/ into {{to}}/ by relative path; areas must not import each other.",
      outside: "'{{source}}' resolves outside the repository.",
    },
  },
  create(context) {
    const importer = path.relative(repoRoot, context.filename).split(path.sep).join('/');
    if (importer.startsWith('..')) return {};
    const from = areaOf(importer);

    function check(node) {
      const source = node?.type === 'Literal' && typeof node.value === 'string' ? node.value : null;
      if (!source || !(source === '.' || source === '..' || /^\.\.?\//.test(source))) return;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(importer), source));
      if (target.startsWith('../')) {
        context.report({ node, messageId: 'outside', data: { source } });
        return;
      }
      const to = areaOf(target);
      if (to === from) return;
      const alias = ALIASES.find(([area]) => area === to);
      if (alias) {
        const rest = target.slice(alias[0].length + 1).replace(/\.(?:ts|tsx|js|mjs)$/, '');
        context.report({ node, messageId: 'useAlias', data: { source, alias: `${alias[1]}/${rest}`, area: to } });
        return;
      }
      const [fromTop] = importer.split('/');
      const [toTop] = target.split('/');
      if (APP_TOPS.has(fromTop) && fromTop !== toTop) {
        context.report({ node, messageId: 'crossArea', data: { source, from: fromTop, to: toTop } });
      }
    }

    return {
      ImportDeclaration: (n) => check(n.source),
      ExportNamedDeclaration: (n) => check(n.source),
      ExportAllDeclaration: (n) => check(n.source),
      ImportExpression: (n) => check(n.source),
    };
  },
};

const fieldwork = { meta: { name: 'fieldwork-local' }, rules: { 'area-imports': areaImports } };

export default defineConfig(
  globalIgnores([
    'out/',
    'dist/',
    'release/',
    'node_modules/',
    'test-results/',
    'playwright-report/',
    'coverage/',
    '.vite/',
    '.tmp/',
    // Linted explicitly by tests/unit/lint/layers.test.ts; they break rules on purpose.
    'tests/fixtures/lint/**',
  ]),

  // ---- language + base rules ----
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    name: 'fieldwork/base',
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // tsconfig.json references tsconfig.{shared,node,web}.json; the project service
      // picks the one that includes each file.
      parserOptions: { projectService: true, tsconfigRootDir: repoRoot },
    },
    plugins: { fieldwork },
    rules: {
      'fieldwork/area-imports': 'error',
      eqeqeq: ['error', 'smart'],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      // Kept on deliberately: a dropped promise is a lost error in this app.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Plain JS (this file, bin/*.mjs) is not in any tsconfig.
    name: 'fieldwork/js',
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  // ---- environments ----
  {
    name: 'fieldwork/node-globals',
    files: ['electron/**', 'tests/**', 'bin/**', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'fieldwork/renderer',
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },

  // ---- layer boundaries (each file gets exactly one no-restricted-imports entry) ----
  {
    name: 'fieldwork/layer/shared',
    files: ['shared/**'],
    rules: {
      'no-restricted-imports': restrict(NODE, ELECTRON, SQLITE, UI, ONLY_SHARED_ALIAS),
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB'].map(
          (name) => ({ name, message: 'shared/ runs in every process: no DOM globals.' }),
        ),
        ...['fetch', 'XMLHttpRequest', 'WebSocket'].map((name) => ({
          name,
          message: 'shared/ does no I/O; transports live in renderer/ and electron/.',
        })),
        ...['process', 'Buffer', 'global', 'require', '__dirname', '__filename', 'setImmediate'].map((name) => ({
          name,
          message: 'shared/ runs in every process: no Node globals.',
        })),
      ],
    },
  },
  {
    name: 'fieldwork/layer/no-electron',
    files: ['electron/core/**', 'electron/preview/**', 'electron/cli/**'],
    rules: { 'no-restricted-imports': restrict(ELECTRON) },
  },
  {
    name: 'fieldwork/layer/preload',
    files: ['electron/preload/**'],
    rules: {
      'no-restricted-imports': restrict(SQLITE, {
        regex: '^#core/',
        message: 'The preload only forwards IPC; the backend runs in the main process.',
      }),
    },
  },
  {
    name: 'fieldwork/layer/renderer',
    files: ['renderer/**'],
    rules: {
      'no-restricted-imports': restrict(NODE, ELECTRON, SQLITE, ONLY_SHARED_ALIAS),
      'no-restricted-globals': [
        'error',
        ...['process', 'Buffer', 'global', 'require', '__dirname', '__filename'].map((name) => ({
          name,
          message: 'The renderer is a browser page: no Node globals (use import.meta.env).',
        })),
      ],
    },
  },

  // ---- tests ----
  {
    name: 'fieldwork/tests',
    files: ['tests/**'],
    rules: {
      // expect(obj.method).toHaveBeenCalled() and friends are fine in tests.
      '@typescript-eslint/unbound-method': 'off',
    },
  },
);
