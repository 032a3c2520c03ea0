/** The tables of BENCHMARKS.md's longer blocks: walks, early stop, peak RSS, imports and sizes. */
import { counts, kB, table, withRange } from './format.js';
import type { Results } from './report.js';
import { ratio, spread } from './stats.js';
import type { WalkFigures } from './walks.js';

export const perRun = (values: number[], digits: number, unit = '') => withRange(spread(values), digits, unit);
export const versus = (a: number[], b: number[]) => withRange(ratio(a, b), 2, '×');

/** items/s of each contender on each walk, then the SDK's ratios and every walk's request count. */
export function walkTables(figures: WalkFigures): string {
  const walks = Object.keys(figures);
  const names = Object.keys(figures[walks[0]!]!);
  const items = table(
    ['walk', ...names.map((name) => `${name}, items/s`)],
    walks.map((walk) => [walk, ...names.map((name) => perRun(figures[walk]![name]!.itemsPerSecond, 0))]),
    `l${'r'.repeat(names.length)}`,
  );
  const ratios = table(
    ['walk', 'SDK / hand loop', 'SDK / stripe-node', 'SDK / SDK, prefetch off', 'requests per walk, every contender'],
    walks.map((walk) => {
      const of = (name: string) => figures[walk]![name]!.itemsPerSecond;
      const requests = names.flatMap((name) => figures[walk]![name]!.requests);
      return [
        walk,
        versus(of('SDK'), of('hand loop')),
        versus(of('SDK'), of('stripe-node')),
        versus(of('SDK'), of('SDK, prefetch off')),
        counts(requests),
      ];
    }),
    'lrrrr',
  );
  return `${items}\n\n${ratios}`;
}

export function earlyStopTable({ earlyStop }: Results): string {
  const names = [...new Set(earlyStop.flatMap(({ requests }) => Object.keys(requests)))];
  return table(
    ['requests received', 'a sequential walk needs', ...names],
    earlyStop.map(({ label, sequential, requests }) => [
      label,
      String(sequential),
      ...names.map((name) => (requests[name] ? counts(requests[name]) : '—')),
    ]),
  );
}

export function rssTable({ rss, rssSessions }: Results): string {
  const rows = Object.entries(rss).map(([name, runs]) => [
    name,
    perRun(runs.maxRssMb, 1),
    perRun(runs.heapHeldMb, 2),
    perRun(runs.heapGrowthMb, 2),
    perRun(runs.seconds, 1),
  ]);
  const header = ['contender', 'peak RSS, MB', 'heap held, MB', 'heap growth, MB per million sessions', 'walk, s'];
  const sdkVersusHand = versus(rss.SDK!.maxRssMb, rss['hand loop']!.maxRssMb);
  return `${table(header, rows, 'lrrrr')}\n\n${rssSessions.toLocaleString('en')} sessions per walk. Peak RSS, SDK / hand loop: ${sdkVersusHand}.`;
}

export function importTables({ imports, nodes }: Results): string {
  const names = Object.keys(imports[nodes[0]!.label]!);
  const rows = names.map((name) => [name, ...nodes.map((node) => perRun(imports[node.label]![name]!, 1, ' ms'))]);
  const ratios = nodes.map((node) => {
    const times = imports[node.label]!;
    const esm = versus(times['stripe-node, ESM']!, times['SDK, ESM']!);
    return `${node.label} ${esm} (ESM), ${versus(times['stripe-node, CJS']!, times['SDK, CJS']!)} (CJS)`;
  });
  const header = ['module', ...nodes.map((node) => node.label)];
  return `${table(header, rows, `l${'r'.repeat(nodes.length)}`)}\n\nstripe-node / SDK: ${ratios.join('; ')}.`;
}

export function sizeTables({ sizes }: Results): string {
  const row = (label: string, size: { minified: number; gzipped: number }) => [
    label,
    kB(size.minified),
    kB(size.gzipped),
  ];
  const bundles = table(
    ['bundle', 'minified', 'min+gzip'],
    [
      row("this SDK's ESM entry (dist/), openapi-fetch included", sizes.sdk),
      row('the same from src/index.ts (its modules below)', sizes.fromSource),
      row("openapi-fetch's `createClient` alone (what the SDK uses of it)", sizes.createClient),
      row('openapi-fetch alone (its whole entry)', sizes.openapiFetch),
      row('stripe-node (ESM, Node entry)', sizes.stripe),
    ],
    'lrr',
  );
  const modules = table(
    ['module', 'minified, in the bundle', 'min+gzip, alone'],
    sizes.modules.map((module) => [`\`${module.path}\``, kB(module.inBundle), kB(module.gzippedAlone)]),
    'lrr',
  );
  return `${bundles}\n\n${modules}`;
}
