import { defineConfig } from 'vitest/config';

// The spec-evolution self-test (npm run test:evolution): ordinary spec changes in a scratch copy,
// then generate, lint, the SDK and fake server in use, the type-check and the quick suite there.
export default defineConfig({
  test: {
    include: ['test/evolution/**/*.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
