/**
 * What the bench measures and how often. BENCH_QUICK=1 shrinks every count and round, to check
 * the harness in a minute or two: its figures are printed, not written into BENCHMARKS.md.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../harness/paths.js';

export const quick = process.env.BENCH_QUICK === '1';
/** A fake test key: the bench server accepts only it. Never printed. */
export const apiKey = 'sk_test_bench';

// The SDK as Node loads it: its build for Node (package.json's `node` condition), with the node:http transport.
export const sdkEsm = join(root, 'dist/esm/src/index.node.js');
export const sdkCjs = join(root, 'dist/cjs/src/index.node.js');
/** The SDK's build for every other runtime: what a browser or edge bundle carries. */
export const sdkEsmDefault = join(root, 'dist/esm/src/index.js');

/** The built SDK, as users get it: every figure is of dist/, not of src/ through a loader. */
export const loadSdk = () => import(pathToFileURL(sdkEsm).href) as Promise<typeof import('../../src/index.js')>;

/** The same pins as test/runtimes/matrix.test.ts: raise them together. */
export const otherNodes = ['node@22.23.3', 'node@24.9.0'];

export const walkContenders = ['SDK', 'SDK, prefetch off', 'SDK, fetch', 'hand loop', 'stripe-node'];
/** A consumer's work per page of 100: 10 ms, as 100 µs of busy-waiting per session. */
export const consumerMsPerSession = 0.1;

export const plan = quick
  ? {
      cpu: { rounds: 3, perRound: 300, warmUp: 200 },
      requests: {
        warmUp: 50,
        runs: [
          { delay: 0, rounds: 3, perRound: 30 },
          { delay: 5, rounds: 2, perRound: 10 },
          { delay: 30, rounds: 2, perRound: 5 },
        ],
      },
      walks: { sessions: 2_000, delays: [0, 5, 30], rounds: 1, chunked: true },
      transports: { rounds: 1 },
      otherNodes: { delays: [5], rounds: 1, chunked: false },
      earlyStop: { after: [1, 100, 150], repeats: 1, delay: 5 },
      rss: { sessions: 20_000, runs: 1 },
      cliExport: { sessions: 2_000, rounds: 1, delay: 5 },
      imports: { runs: 3 },
      generateRuns: 1,
    }
  : {
      cpu: { rounds: 9, perRound: 5_000, warmUp: 2_000 },
      requests: {
        warmUp: 300,
        runs: [
          { delay: 0, rounds: 7, perRound: 300 },
          { delay: 5, rounds: 5, perRound: 100 },
          { delay: 30, rounds: 5, perRound: 40 },
        ],
      },
      walks: { sessions: 20_000, delays: [0, 5, 30], rounds: 5, chunked: true },
      transports: { rounds: 5 },
      otherNodes: { delays: [5], rounds: 3, chunked: false },
      earlyStop: { after: [1, 100, 150], repeats: 3, delay: 5 },
      rss: { sessions: 1_000_000, runs: 3 },
      cliExport: { sessions: 100_000, rounds: 3, delay: 5 },
      imports: { runs: 15 },
      generateRuns: 3,
    };
export type Plan = typeof plan;
