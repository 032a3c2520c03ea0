import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Every suite that sends a request through the SDK, its CLI and MCP server included, runs twice, once
// per transport (test/support/transport.ts): on node:http, the SDK's default on Node, and on fetch,
// what it uses elsewhere and with LOOPS_NODE_HTTP=0. A test that passes its own fetch takes fetch in
// both runs. The suites below send nothing through the SDK (the gate, generation, the docs, the
// spec's own checks and the fake server's answers read without a client): once is enough.
const sendsNothing = [
  'test/breaking.test.ts',
  'test/breaking-property.test.ts',
  'test/cli-text.test.ts',
  'test/codegen.test.ts',
  'test/docs-text.test.ts',
  'test/fake-server-conformance.test.ts',
  'test/fake-server-conformance-faults.test.ts',
  'test/fake-server-unimplemented.test.ts',
  'test/list-item-fields.test.ts',
  'test/mcp-list-result.test.ts',
  'test/mcp-tool-list.test.ts',
  'test/schema-check.test.ts',
  'test/spec-contract.test.ts',
];
// The package suite builds dist/, which two runs at once would race on; the runtime matrix
// (test/runtimes/) runs the packed package on fetch as well.
const buildsThePackage = ['test/package.test.ts'];
const notInNpmTest = ['test/browser/**', 'test/runtimes/**', 'test/evolution/**', 'test/long/**'];

export default defineConfig({
  resolve: {
    alias: {
      '@loops-fi/checkout/testing': fileURLToPath(new URL('./src/testing/index.ts', import.meta.url)),
      '@loops-fi/checkout': fileURLToPath(new URL('./src/index.ts', import.meta.url)),
    },
  },
  test: {
    exclude: notInNpmTest,
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
          include: ['test/**/*.test.ts'],
          exclude: [...notInNpmTest, ...sendsNothing, ...buildsThePackage],
          setupFiles: ['test/support/fetch-transport.ts'],
          // The type tests do not send anything: once is enough.
          typecheck: { enabled: false },
        },
      },
    ],
  },
});
