import { defineConfig } from 'vitest/config';

// `#shared/*` and `#core/*` resolve through package.json "imports"; no alias needed.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/unit/**/*.test.ts', 'tests/chaos/**/*.test.ts', 'electron/**/*.test.ts', 'shared/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'tests/fixtures/**', 'tests/e2e/**', 'out/**'],
  },
});
