/**
 * The bench's figures, written into BENCHMARKS.md between `<!-- bench:NAME -->` and
 * `<!-- /bench:NAME -->` markers; the prose around them, which explains the figures, is hand-written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import type { BuildFigures } from './build-costs.js';
import type { CpuFigures } from './cpu.js';
import type { EarlyStopFigures } from './early-stop.js';
import { counts, fixed, kB, table, withRange } from './format.js';
import type { ImportFigures } from './imports.js';
import type { NodeBinary } from './node-versions.js';
import type { RequestFigures } from './requests.js';
import type { RssFigures } from './rss.js';
import type { SizeFigures } from './sizes.js';
import { ratio, spread } from './stats.js';
import { summary } from './summary.js';
import type { WalkFigures } from './walks.js';

export interface Results {
  nodes: NodeBinary[];
  cpu: CpuFigures;
  requests: RequestFigures;
  /** By Node label. */
  walks: Record<string, WalkFigures>;
  earlyStop: EarlyStopFigures;
  rss: RssFigures;
  imports: Record<string, ImportFigures>;
  sizes: SizeFigures;
  build: BuildFigures;
  walkSessions: number;
  rssSessions: number;
  seconds: number;
}

const perRun = (values: number[], digits: number, unit = '') => withRange(spread(values), digits, unit);
const versus = (a: number[], b: number[]) => withRange(ratio(a, b), 2, '×');

function walkTable(figures: WalkFigures): string {
  const walks = Object.keys(figures);
  const names = Object.keys(figures[walks[0]!]!);
  const items = table(
    ['walk', ...names.map((name) => `${name}, items/s`)],
    walks.map((walk) => [walk, ...names.map((name) => perRun(figures[walk]![name]!.itemsPerSecond, 0))]),
    `r${'r'.repeat(names.length)}`,
  );
  const ratios = table(
    ['walk', 'SDK / hand loop', 'SDK / stripe-node', 'SDK / SDK, prefetch off', 'requests per walk (every contender)'],
    walks.map((walk) => {
      const [sdk, off, hand, stripe] = ['SDK', 'SDK, prefetch off', 'hand loop', 'stripe-node'].map(
        (name) => figures[walk]![name]!.itemsPerSecond,
      ) as [number[], number[], number[], number[]];
      const requests = names.flatMap((name) => figures[walk]![name]!.requests);
      return [walk, versus(sdk, hand), versus(sdk, stripe), versus(sdk, off), counts(requests)];
    }),
    'rrrrr',
  );
  return `${items}\n\n${ratios}`;
}

function figures(results: Results): Record<string, string> {
  const { cpu, requests, walks, earlyStop, rss, imports, sizes, build, nodes } = results;
  const cpus = os.cpus();
  const [main] = nodes;
  const walkCount = results.walkSessions.toLocaleString('en');
  return {
    machine: `Measured on ${new Date().toISOString().slice(0, 10)}: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${fixed(os.totalmem() / 2 ** 30, 0)} GiB, ${os.type()} ${os.release()}, ${nodes.map((node) => node.label).join(', ')}; the whole run took ${fixed(results.seconds / 60, 1)} minutes.`,
    summary: summary(results),
    cpu: `${table(
      ['contender', 'µs per call'],
      Object.entries(cpu).map(([name, values]) => [name, perRun(values, 1)]),
      'lr',
    )}\n\nSDK / openapi-fetch: ${versus(cpu.SDK!, cpu['openapi-fetch']!)}; openapi-fetch / bare fetch-shaped call: ${versus(cpu['openapi-fetch']!, cpu['bare fetch-shaped call']!)}.`,
    requests: table(
      [
        'server delay',
        ...Object.keys(requests[0] ?? {}).map((name) => `${name}, requests/s`),
        'SDK / bare fetch',
        'openapi-fetch / bare fetch',
      ],
      Object.entries(requests).map(([delay, byName]) => [
        `${delay} ms`,
        ...Object.values(byName).map((values) => perRun(values, 0)),
        versus(byName.SDK!, byName['bare fetch']!),
        versus(byName['openapi-fetch']!, byName['bare fetch']!),
      ]),
      'rrrrrr',
    ),
    walks: `${walkCount} sessions per walk, on ${main!.label}.\n\n${walkTable(walks[main!.label]!)}`,
    'walks-nodes': nodes
      .slice(1)
      .map((node) => `**${node.label}**, ${walkCount} sessions per walk.\n\n${walkTable(walks[node.label]!)}`)
      .join('\n\n'),
    'early-stop': (() => {
      const names = [...new Set(Object.values(earlyStop).flatMap((byName) => Object.keys(byName)))];
      return table(
        ['requests received', ...names],
        Object.entries(earlyStop).map(([label, byName]) => [
          label,
          ...names.map((name) => (byName[name] ? counts(byName[name]) : '—')),
        ]),
      );
    })(),
    rss: `${table(
      ['contender', 'peak RSS, MB', 'heap held, MB', 'heap growth, MB', 'walk, s'],
      Object.entries(rss).map(([name, runs]) => [
        name,
        perRun(runs.maxRssMb, 1),
        perRun(runs.heapHeldMb, 2),
        perRun(runs.heapGrowthMb, 2),
        perRun(runs.seconds, 1),
      ]),
      'lrrrr',
    )}\n\n${results.rssSessions.toLocaleString('en')} sessions per walk. SDK / hand loop, peak RSS: ${versus(rss.SDK!.maxRssMb, rss['hand loop']!.maxRssMb)}.`,
    imports: (() => {
      const names = Object.keys(imports[main!.label]!);
      const rows = names.map((name) => [name, ...nodes.map((node) => perRun(imports[node.label]![name]!, 1, ' ms'))]);
      const ratios = nodes.map((node) => {
        const times = imports[node.label]!;
        return `${node.label}: ${versus(times['stripe-node, ESM']!, times['SDK, ESM']!)} (ESM), ${versus(times['stripe-node, CJS']!, times['SDK, CJS']!)} (CJS)`;
      });
      return `${table(['module', ...nodes.map((node) => node.label)], rows, `l${'r'.repeat(nodes.length)}`)}\n\nstripe-node / SDK: ${ratios.join('; ')}.`;
    })(),
    sizes: `${table(
      ['bundle', 'minified', 'min+gzip'],
      [
        ["this SDK's ESM entry (dist/), openapi-fetch included", kB(sizes.sdk.minified), kB(sizes.sdk.gzipped)],
        [
          'the same from src/index.ts (the breakdown below)',
          kB(sizes.fromSource.minified),
          kB(sizes.fromSource.gzipped),
        ],
        [
          "openapi-fetch's `createClient` alone (what the SDK uses of it)",
          kB(sizes.createClient.minified),
          kB(sizes.createClient.gzipped),
        ],
        ['openapi-fetch alone (its whole entry)', kB(sizes.openapiFetch.minified), kB(sizes.openapiFetch.gzipped)],
        ['stripe-node (ESM, Node entry)', kB(sizes.stripe.minified), kB(sizes.stripe.gzipped)],
      ],
      'lrr',
    )}\n\n${table(
      ['module', 'minified, in the bundle', 'min+gzip, alone'],
      sizes.modules.map((module) => [`\`${module.path}\``, kB(module.inBundle), kB(module.gzippedAlone)]),
      'lrr',
    )}`,
    build: `- \`npm run generate\`: ${perRun(
      build.generateMs.map((ms) => ms / 1000),
      2,
      ' s',
    )} wall time, ${build.generateMs.length} runs.
- \`tsc --noEmit\` of a consumer file: ${build.types.files} files, ${build.types.types} types, ${build.types.instantiations} instantiations,
  check time ${build.types.checkTime}, total ${build.types.totalTime}.`,
  };
}

/** Replaces each marked block of the file with its new figures (fails on a block the file lacks); dryRun prints them. */
export function writeReport(file: string, results: Results, dryRun: boolean): void {
  let text = readFileSync(file, 'utf8');
  for (const [name, block] of Object.entries(figures(results))) {
    if (dryRun) console.log(`\n--- ${name} ---\n${block}`);
    const pattern = new RegExp(`(<!-- bench:${name} -->\\n)[\\s\\S]*?(\\n<!-- /bench:${name} -->)`);
    if (!pattern.test(text)) throw new Error(`${file} has no <!-- bench:${name} --> block`);
    text = text.replace(pattern, (_, start: string, end: string) => `${start}${block}${end}`);
  }
  if (!dryRun) writeFileSync(file, text);
}
