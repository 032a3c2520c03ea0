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
    exclude: ['test/browser/**', 'test/runtimes/**'],
    globalSetup: ['test/support/prism-global.ts'],
    testTimeout: 20_000,
    hookTimeout: 40_000,
    typecheck: {
      enabled: true,
      include: ['test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
    },
  },
});
