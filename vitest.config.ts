import { defineConfig } from 'vitest/config';

// `#shared/*` and `#core/*` resolve through package.json "imports"; no alias needed.
export default defineConfig({
  test: {
    environment: 'node',
    // The machines running these are 2-core and often busy: vitest's 5 s default failed tests that do real work
    // (a whole ESLint start, an scrypt, a backup) while other suites ran. Tests that need longer say so.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    include: ['tests/unit/**/*.test.ts', 'tests/chaos/**/*.test.ts', 'electron/**/*.test.ts', 'shared/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/fixtures/**', 'tests/e2e/**', 'out/**'],
  },
});
