/** The benchmark's server, seen from the benchmark: start it in its own process, read its request count. */
import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../harness/paths.js';

export interface BenchServer {
  child: ChildProcess;
  /** The Loops path, and the path stripe-node calls. */
  url: string;
  stripeUrl: string;
}

export function startServer(sessionCount: number, apiKey: string): Promise<BenchServer> {
  const child = fork(join(root, 'scripts/bench/server.ts'), [String(sessionCount), apiKey], {
    execArgv: ['--import', 'tsx'],
  });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ child, ...(message as { url: string; stripeUrl: string }) }));
    child.once('error', reject);
  });
}

/** Requests served (and how many failed) since the last count. */
export function serverCount(child: ChildProcess): Promise<{ count: number; failed: number }> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as { count: number; failed: number }));
    child.send('count');
  });
}
