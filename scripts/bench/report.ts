/**
 * The benchmark's figures, written into BENCHMARKS.md between `<!-- bench:NAME -->` and
 * `<!-- /bench:NAME -->` markers; the prose around them, which explains the figures, is hand-written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { sizeGuardBytes, sizeTargetBytes } from '../harness/bundle.js';
import { median } from './measure.js';

export interface Results {
  overhead: Record<string, { throughput: number; p50: number; p99: number }>;
  cpu: Record<string, number>;
  walks: Record<string, { itemsPerSecond: number[]; requests: number[]; items: number[] }>;
  heap: { items: number; growthMb: number };
  sizes: Record<'sdk' | 'createClient' | 'openapiFetch' | 'stripe', { minified: number; gzipped: number }>;
  generateMs: number;
  types: Record<string, string>;
  sessionCount: number;
}

const fmt = (value: number, digits = 2) => value.toFixed(digits);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');
const kb = (bytes: number) => `${fmt(bytes / 1000, 2)} kB`;
// "1000 (all 7 walks)" when every walk agrees, else every figure.
const counts = (values: number[]) =>
  new Set(values).size === 1 ? `${values[0]} (all ${values.length} walks)` : values.join(', ');

/** Each marked block of BENCHMARKS.md, by name. */
export function figures(results: Results): Record<string, string> {
  const { overhead, cpu, walks, heap, sizes, generateMs, types } = results;
  const sdk = overhead.SDK!;
  const bare = overhead['bare fetch']!;
  const timeRatio = bare.throughput / sdk.throughput;
  const cpuRatio = cpu.SDK! / cpu['openapi-fetch']!;
  const walk = (name: string) => median(walks[name]!.itemsPerSecond);
  const walkRatio = walk('SDK') / walk('hand-written fetch loop');
  const stripeRatio = walk('SDK') / walk('stripe-node');
  const signalCost = overhead['bare fetch + timeout signal']!.p50 - bare.p50;
  const openapiFetchCost = overhead['openapi-fetch']!.p50 - bare.p50;
  const row = (name: string) => {
    const r = overhead[name]!;
    return `| ${name} | ${fmt(r.throughput, 0)} | ${fmt(r.p50, 0)} | ${fmt(r.p99, 0)} |`;
  };
  const walkRow = (name: string) =>
    `| ${name} | ${fmt(walk(name), 0)} | ${counts(walks[name]!.requests)} | ${counts(walks[name]!.items)} |`;
  const sizeRow = (label: string, size: { minified: number; gzipped: number }) =>
    `| ${label} | ${kb(size.minified)} | ${kb(size.gzipped)} |`;
  const cpus = os.cpus();

  return {
    machine: `Measured on ${new Date().toISOString().slice(0, 10)}: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, ${os.type()} ${os.release()}, Node ${process.version}.`,
    summary: `| what | measured | target | |
| --- | --- | --- | --- |
| time per request, SDK / bare fetch | ${fmt(timeRatio, 3)}× | ≤ 1.05× | ${verdict(timeRatio <= 1.05)} |
| CPU per call with a stub fetch, SDK / openapi-fetch | ${fmt(cpuRatio, 2)}× | ≤ 1.5× | ${verdict(cpuRatio <= 1.5)} |
| auto-pagination items/s, SDK / hand-written loop | ${fmt(walkRatio, 3)}× | ≥ 0.95× | ${verdict(walkRatio >= 0.95)} |
| requests to walk ${results.sessionCount.toLocaleString('en')} sessions at limit=100 | ${counts(walks.SDK!.requests)} | exactly ${(results.sessionCount / 100).toLocaleString('en')} | ${verdict(walks.SDK!.requests.every((n) => n === results.sessionCount / 100))} |
| heap kept during the walk | ${fmt(heap.growthMb, 2)} MB | < 16 MB | ${verdict(heap.growthMb < 16)} |
| auto-pagination items/s, SDK / stripe-node | ${fmt(stripeRatio, 2)}× | reported | |
| SDK ESM entry with openapi-fetch, min+gzip | ${kb(sizes.sdk.gzipped)} | ≤ ${kb(sizeTargetBytes)} (guard ${kb(sizeGuardBytes)}) | ${verdict(sizes.sdk.gzipped <= sizeTargetBytes)} |`,
    overhead: `| contender | requests/s | p50 µs | p99 µs |
| --- | ---: | ---: | ---: |
${row('bare fetch')}
${row('bare fetch + timeout signal')}
${row('openapi-fetch')}
${row('SDK')}

SDK / bare fetch: ${fmt(timeRatio, 3)}× the time per request (${fmt(sdk.p50 / bare.p50, 3)}× at p50, ${fmt(sdk.p99 / bare.p99, 3)}× at p99).
At p50, in µs: the timeout signal ${fmt(signalCost, 0)}, openapi-fetch ${fmt(openapiFetchCost, 0)}, the SDK ${fmt(sdk.p50 - bare.p50, 0)} in all, which leaves
${fmt(sdk.p50 - bare.p50 - signalCost - openapiFetchCost, 0)} for the SDK's own code.`,
    cpu: `| contender | µs per call |
| --- | ---: |
| openapi-fetch | ${fmt(cpu['openapi-fetch']!, 1)} |
| SDK | ${fmt(cpu.SDK!, 1)} |

SDK / openapi-fetch: ${fmt(cpuRatio, 2)}×.`,
    walks: `| contender | items/s | requests per walk | items per walk |
| --- | ---: | --- | --- |
${walkRow('SDK')}
${walkRow('hand-written fetch loop')}
${walkRow('stripe-node')}

SDK / hand-written loop: ${fmt(walkRatio, 3)}×; SDK / stripe-node: ${fmt(stripeRatio, 2)}×. Heap during one more SDK walk
(${heap.items.toLocaleString('en')} sessions, forced GC every 5 000): grew by at most ${fmt(heap.growthMb, 2)} MB.`,
    sizes: `| bundle | minified | min+gzip |
| --- | ---: | ---: |
${sizeRow("this SDK's ESM entry, openapi-fetch included", sizes.sdk)}
${sizeRow("openapi-fetch's `createClient` alone (what the SDK uses of it)", sizes.createClient)}
${sizeRow('openapi-fetch alone (its whole entry)', sizes.openapiFetch)}
${sizeRow('stripe-node (ESM, Node entry)', sizes.stripe)}`,
    build: `- \`npm run generate\`: ${fmt(generateMs / 1000, 2)} s wall time, median of 3.
- \`tsc --noEmit\` of a consumer file: ${types.files} files, ${types.types} types, ${types.instantiations} instantiations,
  check time ${types.checkTime}, total ${types.totalTime}.`,
  };
}

/** Replaces each marked block of the file with its new figures; fails on a block the file lacks. */
export function writeReport(file: string, results: Results): void {
  let text = readFileSync(file, 'utf8');
  for (const [name, block] of Object.entries(figures(results))) {
    const pattern = new RegExp(`(<!-- bench:${name} -->\\n)[\\s\\S]*?(\\n<!-- /bench:${name} -->)`);
    if (!pattern.test(text)) throw new Error(`${file} has no <!-- bench:${name} --> block`);
    text = text.replace(pattern, (_, start: string, end: string) => `${start}${block}${end}`);
  }
  writeFileSync(file, text);
}
