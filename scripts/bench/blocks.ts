/** The tables of BENCHMARKS.md's longer blocks: walks, early stop, peak RSS, imports and sizes. */
import { counts, kB, table, withRange } from './format.js';
import type { Results } from './report.js';
import { ratio, spread } from './stats.js';
import type { WalkFigures } from './walks.js';

export const perRun = (values: number[], digits: number, unit = '') => withRange(spread(values), digits, unit);
export const versus = (a: number[], b: number[]) => withRange(ratio(a, b), 2, '×');

/** items/s and CPU per page of each contender on each walk, then the SDK's ratios and every walk's request count. */
export function walkTables(figures: WalkFigures): string {
  const walks = Object.keys(figures);
  const names = Object.keys(figures[walks[0]!]!);
  const align = `l${'r'.repeat(names.length + 1)}`;
  const load = (walk: string) =>
    perRun(
      Object.values(figures[walk]!).flatMap((runs) => runs.load),
      1,
    );
  const items = table(
    ['walk', ...names.map((name) => `${name}, items/s`), 'load average'],
    walks.map((walk) => [walk, ...names.map((name) => perRun(figures[walk]![name]!.itemsPerSecond, 0)), load(walk)]),
    align,
  );
  const cpu = table(
    ['walk', ...names.map((name) => `${name}, CPU ms per page`), 'load average'],
    walks.map((walk) => [walk, ...names.map((name) => perRun(figures[walk]![name]!.cpuMsPerPage, 2)), load(walk)]),
    align,
  );
  const ratios = table(
    [
      'walk',
      'SDK / hand loop',
      'SDK / stripe-node',
      'SDK / SDK, prefetch off',
      'SDK / SDK, fetch',
      'CPU per page, SDK / stripe-node',
      'requests per walk, every contender',
    ],
    walks.map((walk) => {
      const of = (name: string) => figures[walk]![name]!.itemsPerSecond;
      const requests = names.flatMap((name) => figures[walk]![name]!.requests);
      return [
        walk,
        versus(of('SDK'), of('hand loop')),
        versus(of('SDK'), of('stripe-node')),
        versus(of('SDK'), of('SDK, prefetch off')),
        versus(of('SDK'), of('SDK, fetch')),
        versus(figures[walk]!.SDK!.cpuMsPerPage, figures[walk]!['stripe-node']!.cpuMsPerPage),
        counts(requests),
      ];
    }),
    'lrrrrrr',
  );
  return `${items}\n\n${cpu}\n\n${ratios}`;
}

/** One row per contender: a rate, CPU per page and the load average, each per run. */
function runsTable(
  figures: Record<string, { cpuMsPerPage: number[]; load: number[] }>,
  rate: (name: string) => number[],
  header: string[],
): string {
  const rows = Object.keys(figures).map((name) => [
    name,
    perRun(rate(name), 0),
    perRun(figures[name]!.cpuMsPerPage, 2),
    perRun(figures[name]!.load, 1),
  ]);
  return table(header, rows, 'lrrr');
}

/** The bare transports on loopback: items/s and CPU per page. */
export function transportTable({ transports, walkSessions }: Results): string {
  const header = ['hand loop on', 'items/s', 'CPU ms per page', 'load average'];
  const rounds = Object.values(transports)[0]!.itemsPerSecond.length;
  const rows = runsTable(transports, (name) => transports[name]!.itemsPerSecond, header);
  return `${walkSessions.toLocaleString('en')} sessions per walk, ${rounds} runs of each, server at 0 ms.\n\n${rows}`;
}

/** The CLI export beside its yardsticks: sessions/s and CPU per page, and the ratios the targets are on. */
export function exportTable({ cliExport, exportSessions }: Results): string {
  const header = ['contender', 'sessions/s', 'CPU ms per page', 'load average'];
  const speed = (name: string) => cliExport[name]!.sessionsPerSecond;
  const cpu = (name: string) => cliExport[name]!.cpuMsPerPage;
  const rounds = Object.values(cliExport)[0]!.sessionsPerSecond.length;
  const rows = runsTable(cliExport, speed, header);
  return `${exportSessions.toLocaleString('en')} sessions per export, server at 5 ms, ${rounds} runs of each.\n\n${rows}\n\nsessions/s, CLI / floor client: jsonl ${versus(speed('CLI, jsonl'), speed('floor client'))}, csv ${versus(speed('CLI, csv'), speed('floor client'))}; CPU per page, CLI csv / hand-written CSV script: ${versus(cpu('CLI, csv'), cpu('hand-written CSV script'))}.`;
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
      row("this SDK's ESM entry (dist/), openapi-fetch included: browsers, edge runtimes, Bun, Deno", sizes.sdk),
      row('its ESM entry for Node, with the node:http transport', sizes.sdkNode),
      row('the entry for Node from src/index.ts (its modules below)', sizes.fromSource),
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
