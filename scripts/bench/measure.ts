/** How the benchmark measures: rounds in which contenders alternate, medians, heap and build costs. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Loops } from '../../src/index.js';
import { root } from '../harness/paths.js';

const exposedGc = (globalThis as { gc?: () => void }).gc;
if (!exposedGc) throw new Error('run with node --expose-gc (npm run bench does)');
const gc: () => void = exposedGc;

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

/** A contender's one call: a request, or a page. */
export type Call = () => Promise<unknown>;

export async function latencyRounds(contenders: Record<string, Call>, rounds: number, perRound: number) {
  const results: Record<string, { throughput: number[]; p50: number[]; p99: number[] }> = {};
  const names = Object.keys(contenders);
  for (const name of names) {
    results[name] = { throughput: [], p50: [], p99: [] };
    for (let i = 0; i < 300; i++) await contenders[name]!(); // warm-up: JIT, sockets
  }
  for (let round = 0; round < rounds; round++) {
    gc();
    const latencies: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
    // Contenders take turns request by request, in an order that rotates, so that whatever else the
    // machine does at any moment weighs on all of them alike.
    for (let i = 0; i < perRound; i++) {
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const t = performance.now();
        await contenders[name]!();
        latencies[name]!.push(performance.now() - t);
      }
    }
    for (const name of names) {
      const sorted = latencies[name]!.sort((a, b) => a - b);
      const total = sorted.reduce((sum, value) => sum + value, 0);
      results[name]!.throughput.push((sorted.length / total) * 1000);
      results[name]!.p50.push(percentile(sorted, 0.5) * 1000);
      results[name]!.p99.push(percentile(sorted, 0.99) * 1000);
    }
  }
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        throughput: median(results[name]!.throughput),
        p50: median(results[name]!.p50),
        p99: median(results[name]!.p99),
      },
    ]),
  );
}

export async function cpuRounds(contenders: Record<string, Call>, rounds: number, perRound: number) {
  const names = Object.keys(contenders);
  const times: Record<string, number[]> = Object.fromEntries(names.map((name) => [name, []]));
  for (const call of Object.values(contenders)) for (let i = 0; i < 2000; i++) await call();
  for (let round = 0; round < rounds; round++) {
    // Alternate who goes first, and collect garbage between runs, so neither pays for the other's.
    for (const name of round % 2 ? [...names].reverse() : names) {
      gc();
      const started = performance.now();
      for (let i = 0; i < perRound; i++) await contenders[name]!();
      times[name]!.push(((performance.now() - started) / perRound) * 1000);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values)]));
}

export async function timeWalk(walk: () => Promise<number>): Promise<{ itemsPerSecond: number; items: number }> {
  const started = performance.now();
  const items = await walk();
  return { itemsPerSecond: (items / (performance.now() - started)) * 1000, items };
}

export async function heapDuringWalk(loops: Loops): Promise<{ items: number; growthMb: number }> {
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let items = 0;
  for await (const session of loops.checkout.sessions.list({ limit: 100 })) {
    if (session.id && ++items % 5_000 === 0) {
      // Collect first, so that the figure is what the walk keeps, not garbage waiting for a GC.
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
    }
  }
  return { items, growthMb: peak / 2 ** 20 };
}

export function wallTime(args: string[], runs = 3): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    const result = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stderr}`);
    times.push(performance.now() - started);
  }
  return median(times);
}

export function typeCheckCost(): Record<string, string> {
  const dir = join(root, 'node_modules/.cache/bench-consumer');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'consumer.ts'),
    `import { Loops } from '@loops-fi/checkout';
const loops = new Loops({ apiKey: 'sk_test' });
for await (const session of loops.checkout.sessions.list({ status: 'COMPLETED', limit: 100 })) console.log(session.id, session.amount_total);
`,
  );
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        target: 'ES2022',
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        lib: ['ES2022', 'DOM'],
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: [],
        paths: { '@loops-fi/checkout': ['../../../dist/esm/src/index.d.ts'] },
      },
      files: ['consumer.ts'],
    }),
  );
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', dir, '--extendedDiagnostics'],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`tsc failed:\n${result.stdout}`);
  const pick = (label: string) => new RegExp(`^${label}:\\s+(.+)$`, 'm').exec(result.stdout)?.[1]?.trim() ?? '?';
  return {
    files: pick('Files'),
    types: pick('Types'),
    instantiations: pick('Instantiations'),
    checkTime: pick('Check time'),
    totalTime: pick('Total time'),
  };
}
