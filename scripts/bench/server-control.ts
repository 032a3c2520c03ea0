/** The bench server, seen from the bench: start it in its own process, set its delay, read its count. */
import { join } from 'node:path';
import { root } from '../harness/paths.js';
import { startChild } from './ipc.js';

export interface BenchServer {
  /** The Loops base URL (the spec's base path on 127.0.0.1), to give the SDK. */
  baseUrl: string;
  /** The port of /v1/checkout/sessions, to give stripe-node. */
  stripePort: number;
  /** Delays every answer by ms from now on, sent with a length or, chunked, without. */
  setDelay(ms: number, chunked?: boolean): Promise<void>;
  /** Requests received (and how many were refused) since the last count. */
  count(): Promise<{ count: number; failed: number }>;
  stop(): void;
}

export async function startServer(sessionCount: number, apiKey: string): Promise<BenchServer> {
  const started = performance.now();
  const child = await startChild<{ baseUrl: string; stripePort: number }>(join(root, 'scripts/bench/server.ts'), {
    args: [String(sessionCount)],
    execArgv: ['--import', 'tsx'],
    env: { BENCH_API_KEY: apiKey },
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`  server with ${sessionCount.toLocaleString('en')} sessions ready in ${seconds} s`);
  return {
    ...child.ready,
    setDelay: async (ms, chunked = false) => void (await child.ask({ delay: ms, chunked })),
    count: () => child.ask('count'),
    stop: child.stop,
  };
}
