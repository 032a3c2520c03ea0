import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// `npm run test:long`: the tests that take long by design (a walk of 20 000 pages and its heap), one
// file at a time with a budget of their own, so that neither the other suites' load nor a shared
// machine's can time them out. CI runs it (.ci/run); `npm test` does not.
export default defineConfig({
  resolve: {
    alias: {
      '@loops-fi/checkout/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)),
      '@loops-fi/checkout': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/long/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
  },
});
