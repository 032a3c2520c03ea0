/**
 * 3. Walks of every session at limit=100, in a child process on a given Node (walk-child.mjs): at
 * each server delay, with no consumer and with one doing 10 ms of synchronous work per page, and on
 * loopback with chunked answers (no length). Contenders take turns within each round, the order
 * rotating; the server counts each walk's requests, the child its CPU time.
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { root } from '../harness/paths.js';
import { apiKey, consumerMsPerSession, walkContenders } from './config.js';
import { type Child, startChild } from './ipc.js';
import type { NodeBinary } from './node-versions.js';
import type { BenchServer } from './server-control.js';
import { rotate } from './stats.js';

export interface WalkRuns {
  itemsPerSecond: number[];
  /** The walk's CPU time over its requests, in ms: what a page costs the client. */
  cpuMsPerPage: number[];
  requests: number[];
  items: number[];
  /** The machine's 1-minute load average at each run. */
  load: number[];
}
/** By walk ('5 ms + consumer'), then contender. */
export type WalkFigures = Record<string, Record<string, WalkRuns>>;

export const walkName = (delay: number, consumer: boolean, chunked = false) =>
  `${delay} ms${chunked ? ', chunked' : ''}${consumer ? ' + consumer' : ''}`;

/** A walk child on node, against server, stopped by the caller. */
export function startWalker(server: BenchServer, node: NodeBinary): Promise<Child> {
  return startChild(join(root, 'scripts/bench/walk-child.mjs'), {
    args: [server.baseUrl, String(server.stripePort)],
    execArgv: ['--expose-gc'],
    execPath: node.execPath,
    env: { BENCH_API_KEY: apiKey },
  });
}

export const emptyRuns = (): WalkRuns => ({ itemsPerSecond: [], cpuMsPerPage: [], requests: [], items: [], load: [] });

/** One walk of contender, checked whole, added to runs. */
export async function walkOnce(
  server: BenchServer,
  walker: Child,
  runs: WalkRuns,
  contender: string,
  sessions: number,
  busyMs = 0,
): Promise<void> {
  const { items, ms, cpuMs } = await walker.ask<{ items: number; ms: number; cpuMs: number }>({ contender, busyMs });
  const { count, failed } = await server.count();
  if (failed || items !== sessions) {
    throw new Error(`${contender}: ${items} of ${sessions} sessions, ${failed} requests refused by the server`);
  }
  runs.itemsPerSecond.push((items / ms) * 1000);
  runs.cpuMsPerPage.push(cpuMs / count);
  runs.requests.push(count);
  runs.items.push(items);
  runs.load.push(loadavg()[0]!);
}

export async function measureWalks(
  server: BenchServer,
  walker: Child,
  { delays, rounds, sessions, chunked }: { delays: number[]; rounds: number; sessions: number; chunked: boolean },
): Promise<WalkFigures> {
  // One walk each first, no consumer: JIT and connections warm before anything counts.
  await server.setDelay(0);
  for (const contender of walkContenders) await walker.ask({ contender });
  await server.count();
  const figures: WalkFigures = {};
  const walks = delays.flatMap((delay) => [
    { delay, consumer: false, chunked: false },
    { delay, consumer: true, chunked: false },
    ...(chunked && delay === 0 ? [{ delay, consumer: false, chunked: true }] : []),
  ]);
  for (const walk of walks) {
    figures[walkName(walk.delay, walk.consumer, walk.chunked)] = Object.fromEntries(
      walkContenders.map((name) => [name, emptyRuns()]),
    );
  }
  for (const delay of delays) {
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      for (const walk of walks.filter((one) => one.delay === delay)) {
        await server.setDelay(delay, walk.chunked);
        const byContender = figures[walkName(walk.delay, walk.consumer, walk.chunked)]!;
        for (const contender of rotate(walkContenders, round)) {
          const busyMs = walk.consumer ? consumerMsPerSession : 0;
          await walkOnce(server, walker, byContender[contender]!, contender, sessions, busyMs);
        }
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`  ${delay} ms, round ${round + 1} of ${rounds}: ${seconds} s`);
    }
  }
  return figures;
}
