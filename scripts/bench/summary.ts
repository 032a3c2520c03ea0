/** The summary table: one row per target, measured median (min–max), target, met or missed. */
import { sizeGuardBytes, sizeTargetBytes } from '../harness/bundle.js';
import { counts, fixed, kB, table, verdict, withRange } from './format.js';
import type { Results } from './report.js';
import { ratio, spread } from './stats.js';
import { walkName } from './walks.js';

export const targets = {
  cpuRatio: 1.25,
  requestRatio: 0.98,
  requestDelays: [5, 30],
  walk: walkName(5, true),
  walkRatio: 1.3,
  rssRatio: 1.1,
  heapGrowthMb: 0.5,
  importRatio: 20,
};

type Row = [what: string, measured: string, target: string, met: boolean];

function ratioRow(what: string, a: number[], b: number[], atLeast: boolean, target: number): Row {
  const r = ratio(a, b);
  const met = atLeast ? r.median >= target : r.median <= target;
  return [what, withRange(r, 2, '×'), `${atLeast ? '≥' : '≤'} ${target}×`, met];
}

export function summary(results: Results): string {
  const { cpu, requests, walks, earlyStop, rss, imports, sizes, nodes } = results;
  const rows: Row[] = [
    ratioRow(
      'CPU per call with a stub fetch, SDK / openapi-fetch',
      cpu.SDK!,
      cpu['openapi-fetch']!,
      false,
      targets.cpuRatio,
    ),
  ];
  for (const delay of targets.requestDelays) {
    const { SDK, 'bare fetch': bare } = requests[delay]!;
    rows.push(
      ratioRow(`requests/s with the server at ${delay} ms, SDK / bare fetch`, SDK!, bare!, true, targets.requestRatio),
    );
  }
  for (const node of nodes) {
    const walk = walks[node.label]?.[targets.walk];
    if (!walk) continue;
    const sdk = walk.SDK!.itemsPerSecond;
    for (const other of ['hand loop', 'stripe-node']) {
      const what = `items/s walking at ${targets.walk}, SDK / ${other}, ${node.label}`;
      rows.push(ratioRow(what, sdk, walk[other]!.itemsPerSecond, true, targets.walkRatio));
    }
  }
  const breaks = earlyStop.filter((stop) => stop.kind === 'break');
  const most = breaks.map((stop) => Math.max(...stop.requests.SDK!));
  rows.push([
    `requests when breaking after ${breaks.map((stop) => stop.sessions).join(' / ')} sessions, SDK (the most of any repeat)`,
    most.join(' / '),
    `≤ ${breaks.map((stop) => stop.sequential + 1).join(' / ')} (one over a sequential walk)`,
    most.every((n, i) => n <= breaks[i]!.sequential + 1),
  ]);
  for (const stop of earlyStop.filter(({ kind }) => kind === 'toArray')) {
    const sent = stop.requests.SDK!;
    rows.push([
      `requests for ${stop.label}, SDK`,
      counts(sent),
      `exactly ${stop.sequential}`,
      sent.every((n) => n === stop.sequential),
    ]);
  }
  const walked = results.rssSessions.toLocaleString('en');
  rows.push(
    ratioRow(
      `peak RSS walking ${walked} sessions, SDK / hand loop`,
      rss.SDK!.maxRssMb,
      rss['hand loop']!.maxRssMb,
      false,
      targets.rssRatio,
    ),
  );
  const growth = spread(rss.SDK!.heapGrowthMb);
  rows.push([
    'heap growth during that walk, SDK, per million sessions',
    withRange(growth, 2, ' MB'),
    `flat: < ${targets.heapGrowthMb} MB`,
    growth.median < targets.heapGrowthMb,
  ]);
  for (const node of nodes) {
    const times = imports[node.label]!;
    for (const kind of ['ESM', 'CJS']) {
      const what = `import time, stripe-node / SDK (${kind}), ${node.label}`;
      rows.push(ratioRow(what, times[`stripe-node, ${kind}`]!, times[`SDK, ${kind}`]!, true, targets.importRatio));
    }
  }
  rows.push([
    'SDK ESM entry with openapi-fetch, min+gzip',
    kB(sizes.sdk.gzipped),
    `≤ ${kB(sizeTargetBytes)} (npm test's guard: ${kB(sizeGuardBytes)})`,
    sizes.sdk.gzipped <= sizeTargetBytes,
  ]);
  const body = rows.map(([what, measured, target, met]) => [what, measured, target, verdict(met)]);
  const missed = rows.filter(([, , , met]) => !met).length;
  return `${table(['what', 'measured: median (min–max)', 'target', ''], body)}\n\n${missed ? `${missed} of ${rows.length} targets missed.` : `All ${rows.length} targets met.`} Ratios are of the medians; their min–max is the lowest and highest ratio of runs made side by side. ${fixed(results.seconds / 60, 1)} minutes for the whole run.`;
}
