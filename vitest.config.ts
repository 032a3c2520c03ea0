import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The suites that send requests through the SDK, its CLI included: they run twice, once per
// transport (test/support/transport.ts): on node:http, the SDK's default on Node, and on fetch,
// what it uses elsewhere and with LOOPS_NODE_HTTP=0. A test that passes its own fetch takes fetch
// in both runs.
const requestPathSuites = [
  'test/auto-pagination.test.ts',
  'test/create.test.ts',
  'test/engine-operations.test.ts',
  'test/errors.test.ts',
  'test/failures.test.ts',
  'test/habits.test.ts',
  'test/keys.test.ts',
  'test/options.test.ts',
  'test/pagination.test.ts',
  'test/prefetch.test.ts',
  'test/property.test.ts',
  'test/retries.test.ts',
  'test/retrieve.test.ts',
  'test/security.test.ts',
  'test/transport.test.ts',
  'test/typos.test.ts',
  'test/cli-export.test.ts',
  'test/cli-signals.test.ts',
];

export default defineConfig({
  resolve: {
    alias: {
      '@loops-fi/checkout/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)),
      '@loops-fi/checkout': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    exclude: ['test/browser/**', 'test/runtimes/**', 'test/evolution/**', 'test/long/**'],
    globalSetup: ['test/support/prism-global.ts'],
    setupFiles: ['test/support/fast-check-seed.ts'],
    // Most of a test's time is spent waiting on servers and timers, not the CPU: three files at a
    // time finish the suite in about half the time of vitest's default on 2 cores (one at a time).
    maxWorkers: 3,
    testTimeout: 20_000,
    hookTimeout: 40_000,
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'node:http',
          include: ['test/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'fetch',
          include: requestPathSuites,
          setupFiles: ['test/support/fetch-transport.ts'],
          // The type tests do not send anything: once is enough.
          typecheck: { enabled: false },
        },
      },
    ],
  },
});
