/**
 * 3. Walks of every session at limit=100, in a child process on a given Node (walk-child.mjs): at
 * each server delay, with no consumer and with one doing 10 ms of synchronous work per page.
 * Contenders take turns within each round, the order rotating; the server counts each walk's requests.
 */
import { join } from 'node:path';
import { root } from '../harness/paths.js';
import { apiKey, consumerMsPerSession, walkContenders } from './config.js';
import { type Child, startChild } from './ipc.js';
import type { NodeBinary } from './node-versions.js';
import type { BenchServer } from './server-control.js';
import { rotate } from './stats.js';

export interface WalkRuns {
  itemsPerSecond: number[];
  requests: number[];
  items: number[];
}
/** By walk ('5 ms + consumer'), then contender. */
export type WalkFigures = Record<string, Record<string, WalkRuns>>;

export const walkName = (delay: number, consumer: boolean) => `${delay} ms${consumer ? ' + consumer' : ''}`;

/** A walk child on node, against server, stopped by the caller. */
export function startWalker(server: BenchServer, node: NodeBinary): Promise<Child> {
  return startChild(join(root, 'scripts/bench/walk-child.mjs'), {
    args: [server.baseUrl, String(server.stripePort)],
    execArgv: ['--expose-gc'],
    execPath: node.execPath,
    env: { BENCH_API_KEY: apiKey },
  });
}

export async function measureWalks(
  server: BenchServer,
  walker: Child,
  { delays, rounds, sessions }: { delays: number[]; rounds: number; sessions: number },
): Promise<WalkFigures> {
  // One walk each first, no consumer: JIT and connections warm before anything counts.
  await server.setDelay(0);
  for (const contender of walkContenders) await walker.ask({ contender });
  await server.count();
  const figures: WalkFigures = {};
  for (const delay of delays) {
    await server.setDelay(delay);
    for (const consumer of [false, true]) {
      figures[walkName(delay, consumer)] = Object.fromEntries(
        walkContenders.map((name) => [name, { itemsPerSecond: [], requests: [], items: [] }]),
      );
    }
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      for (const consumer of [false, true]) {
        for (const contender of rotate(walkContenders, round)) {
          const busyMs = consumer ? consumerMsPerSession : 0;
          const { items, ms } = await walker.ask<{ items: number; ms: number }>({ contender, busyMs });
          const { count, failed } = await server.count();
          if (failed || items !== sessions) {
            throw new Error(`${contender}: ${items} of ${sessions} sessions, ${failed} requests refused by the server`);
          }
          const runs = figures[walkName(delay, consumer)]![contender]!;
          runs.itemsPerSecond.push((items / ms) * 1000);
          runs.requests.push(count);
          runs.items.push(items);
        }
      }
      const seconds = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`  ${delay} ms, round ${round + 1} of ${rounds}: ${seconds} s`);
    }
  }
  return figures;
}
