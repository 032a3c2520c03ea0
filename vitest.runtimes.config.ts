import { defineConfig } from 'vitest/config';

// The runtime matrix: the packed SDK on Node 20, 22 and 24, Bun, Deno and Chromium (npm run test:runtimes).
export default defineConfig({
  test: {
    include: ['test/runtimes/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
