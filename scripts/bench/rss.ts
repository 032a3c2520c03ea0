/**
 * 5. Peak RSS of one walk of every session at limit=100, SDK against the hand loop, each run in a
 * fresh process (rss-child.mjs: RSS is per process), the contenders alternating.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../harness/paths.js';
import { apiKey, type Plan } from './config.js';
import type { BenchServer } from './server-control.js';
import { rotate, spread, trend } from './stats.js';

export interface RssRuns {
  /** Peak RSS, MB. */
  maxRssMb: number[];
  /** The median heap sample after the warm-up, less the heap before the walk, MB: what the walk holds. */
  heapHeldMb: number[];
  /** How the heap samples after the warm-up trend, MB per million sessions: flat is ~0. */
  heapGrowthMb: number[];
  seconds: number[];
}
export type RssFigures = Record<string, RssRuns>;

const samplesPerWalk = 20;
// The first quarter of a walk is its warm-up (the runaway guard fills with cursors, code gets
// optimized): the heap rises there once, and that is not growth.
const warmUpSamples = samplesPerWalk / 4;
const mb = (bytes: number) => bytes / 2 ** 20;

function walkOnce(server: BenchServer, contender: string, sessions: number) {
  const script = join(root, 'scripts/bench/rss-child.mjs');
  const args = ['--expose-gc', script, server.baseUrl, contender, String(sessions / samplesPerWalk)];
  const child = spawn(process.execPath, args, { env: { ...process.env, BENCH_API_KEY: apiKey } });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise<{ items: number; ms: number; maxRssKb: number; heapBefore: number; heapSamples: number[] }>(
    (resolve, reject) =>
      child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`rss-child: ${err}`)))),
  );
}

export async function measureRss(server: BenchServer, sessions: number, { runs }: Plan['rss']): Promise<RssFigures> {
  const contenders = ['SDK', 'hand loop'];
  const figures: RssFigures = {};
  for (const name of contenders) figures[name] = { maxRssMb: [], heapHeldMb: [], heapGrowthMb: [], seconds: [] };
  await server.setDelay(0);
  for (let run = 0; run < runs; run++) {
    for (const name of rotate(contenders, run)) {
      const result = await walkOnce(server, name, sessions);
      const { count, failed } = await server.count();
      if (result.items !== sessions || failed || count !== sessions / 100) {
        throw new Error(`${name}: ${result.items} sessions in ${count} requests, ${failed} refused`);
      }
      const samples = result.heapSamples.slice(warmUpSamples);
      const perMillion = 1_000_000 / (sessions / samplesPerWalk);
      figures[name]!.maxRssMb.push(result.maxRssKb / 1024);
      figures[name]!.heapHeldMb.push(mb(spread(samples).median - result.heapBefore));
      figures[name]!.heapGrowthMb.push(mb(trend(samples) * perMillion));
      figures[name]!.seconds.push(result.ms / 1000);
      console.log(`  ${name}, run ${run + 1} of ${runs}: ${(result.maxRssKb / 1024).toFixed(0)} MB`);
    }
  }
  return figures;
}
