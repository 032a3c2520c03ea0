import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:quick`: the SDK's suites without the slow tooling ones, for the inner loop. Left
// out: the package suite (builds, packs and installs the package), the npm start / docs:serve
// suite (starts Prism and rebuilds the reference) and the CLI suite (builds the bin and exports
// 10 000 sessions twice), about 45 s between them. The type tests are
// left to `tsc --noEmit`, which test:quick runs first and which checks the same assertions.
export default mergeConfig(
  base,
  defineConfig({
    test: {
      exclude: [
        'test/browser/**',
        'test/runtimes/**',
        'test/evolution/**',
        'test/long/**',
        'test/package.test.ts',
        'test/start.test.ts',
        'test/cli.test.ts',
      ],
      typecheck: { enabled: false },
    },
  }),
);
