import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:quick`: the SDK's suites without the slow tooling ones, for the inner loop. Left
// out: the package suite (builds, packs and installs the package), the npm start / docs:serve
// suite (starts Prism and rebuilds the reference) and the CLI and MCP suites that run the built bin
// (it exports 10 000 sessions twice, and drives a terminal), about 45 s between them; the CLI's text
// functions (test/cli-text.test.ts) and how MCP tools are built (test/mcp-tool-list.test.ts) stay in. The type tests are left to `tsc --noEmit`, which
// test:quick runs first and which checks the same assertions.
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
        'test/cli-commands.test.ts',
        'test/cli-export.test.ts',
        'test/cli-options.test.ts',
        'test/cli-signals.test.ts',
        'test/cli-terminal.test.ts',
        'test/mcp-tools.test.ts',
        'test/mcp-paging.test.ts',
        'test/mcp-errors.test.ts',
      ],
      typecheck: { enabled: false },
    },
  }),
);
