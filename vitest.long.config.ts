import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:long`: the tests that take long by design (a walk of 20 000 pages and its heap), one
// file at a time with a budget of their own, so that neither the other suites' load nor a shared
// machine's can time them out. CI runs it (.ci/run); `npm test` does not.
export default defineConfig({
  // The package's names resolved to src/, as in every suite.
  resolve: base.resolve!,
  test: {
    include: ['test/long/**/*.test.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    fileParallelism: false,
    testTimeout: 300_000,
  },
});
