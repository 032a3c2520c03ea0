import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@loops-fi/checkout/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)),
      '@loops-fi/checkout': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
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
  },
});
