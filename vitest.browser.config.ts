import { defineConfig } from 'vitest/config';

// The browser tests: a real Chromium against the built reference (npm run test:browser).
export default defineConfig({
  test: {
    include: ['test/browser/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
