/** The summary table: one row per target, measured median (min–max), target, met or missed, and the load then. */
import { sizeGuardBytes, sizeTargetBytes } from '../harness/bundle.js';
import { counts, fixed, kB, table, verdict, withRange } from './format.js';
import { loadIn, type Results } from './report.js';
import { ratio, spread } from './stats.js';
import { walkName } from './walks.js';

export const targets = {
  cpuRatio: 1.25,
  chunkedRatio: 1.1,
  requestRatio: 0.98,
  requestDelays: [5, 30],
  /** Walks without a consumer: the SDK at least as fast as each other contender. */
  plainWalkDelays: [0, 5],
  plainWalkRatio: 1,
  consumerWalk: walkName(5, true),
  consumerWalkRatio: 1.4,
  cpuPerPageRatio: 1,
  exportRatio: 0.9,
  exportCpuRatio: 1.05,
  rssRatio: 1.1,
  heapGrowthMb: 0.5,
  importRatio: 20,
};

type Row = [what: string, measured: string, target: string, met: boolean, part: string];

function ratioRow(what: string, a: number[], b: number[], atLeast: boolean, target: number, part: string): Row {
  const r = ratio(a, b);
  const met = atLeast ? r.median >= target : r.median <= target;
  return [what, withRange(r, 2, '×'), `${atLeast ? '≥' : '≤'} ${target}×`, met, part];
}

function walkRows({ walks, nodes }: Results): Row[] {
  const rows: Row[] = [];
  for (const node of nodes) {
    const figures = walks[node.label]!;
    const part = `walks ${node.label}`;
    const of = (walk: string, name: string) => figures[walk]?.[name]?.itemsPerSecond;
    for (const walk of [...targets.plainWalkDelays.map((delay) => walkName(delay, false)), targets.consumerWalk]) {
      const sdk = of(walk, 'SDK');
      if (!sdk) continue;
      const bar = walk === targets.consumerWalk ? targets.consumerWalkRatio : targets.plainWalkRatio;
      for (const other of ['stripe-node', 'hand loop']) {
        const what = `items/s walking at ${walk}, SDK / ${other}, ${node.label}`;
        rows.push(ratioRow(what, sdk, of(walk, other)!, true, bar, part));
      }
    }
  }
  const [main] = nodes;
  const figures = walks[main!.label]!;
  const cpu = (walk: string, name: string) => figures[walk]![name]!.cpuMsPerPage;
  const loopback = walkName(0, false);
  const part = `walks ${main!.label}`;
  rows.push(
    ratioRow(
      `CPU per page on loopback, SDK / stripe-node, ${main!.label}`,
      cpu(loopback, 'SDK'),
      cpu(loopback, 'stripe-node'),
      false,
      targets.cpuPerPageRatio,
      part,
    ),
  );
  const chunked = walkName(0, false, true);
  if (figures[chunked]) {
    const what = `CPU per page on loopback, SDK, chunked / with a length, ${main!.label}`;
    rows.push(ratioRow(what, cpu(chunked, 'SDK'), cpu(loopback, 'SDK'), false, targets.chunkedRatio, part));
  }
  return rows;
}

function exportRows({ cliExport }: Results): Row[] {
  const speed = (name: string) => cliExport[name]!.sessionsPerSecond;
  const rows = ['jsonl', 'csv'].map((format) =>
    ratioRow(
      `CLI export at 5 ms, sessions/s, ${format} / the floor client`,
      speed(`CLI, ${format}`),
      speed('floor client'),
      true,
      targets.exportRatio,
      'cli-export',
    ),
  );
  const cpu = (name: string) => cliExport[name]!.cpuMsPerPage;
  const what = 'CLI export, CPU per page, csv / a hand-written CSV script';
  rows.push(
    ratioRow(what, cpu('CLI, csv'), cpu('hand-written CSV script'), false, targets.exportCpuRatio, 'cli-export'),
  );
  return rows;
}

export function summary(results: Results): string {
  const { cpu, requests, earlyStop, rss, imports, sizes, nodes } = results;
  const rows: Row[] = [
    ratioRow(
      'CPU per call with a stub fetch, SDK / openapi-fetch',
      cpu.SDK!,
      cpu['openapi-fetch']!,
      false,
      targets.cpuRatio,
      'cpu',
    ),
    ratioRow(
      'CPU per call with a stub fetch, SDK, no content-length / with one',
      cpu['SDK, no content-length']!,
      cpu.SDK!,
      false,
      targets.chunkedRatio,
      'cpu',
    ),
  ];
  for (const delay of targets.requestDelays) {
    const { SDK, 'bare fetch': bare } = requests[delay]!;
    const what = `requests/s with the server at ${delay} ms, SDK / bare fetch`;
    rows.push(ratioRow(what, SDK!, bare!, true, targets.requestRatio, 'requests'));
  }
  rows.push(...walkRows(results));
  const breaks = earlyStop.filter((stop) => stop.kind === 'break');
  const most = breaks.map((stop) => Math.max(...stop.requests.SDK!));
  rows.push([
    `requests when breaking after ${breaks.map((stop) => stop.sessions).join(' / ')} sessions, SDK (the most of any repeat)`,
    most.join(' / '),
    `≤ ${breaks.map((stop) => stop.sequential + 1).join(' / ')} (one over a sequential walk)`,
    most.every((n, i) => n <= breaks[i]!.sequential + 1),
    'early-stop',
  ]);
  for (const stop of earlyStop.filter(({ kind }) => kind === 'toArray')) {
    const sent = stop.requests.SDK!;
    rows.push([
      `requests for ${stop.label}, SDK`,
      counts(sent),
      `exactly ${stop.sequential}`,
      sent.every((n) => n === stop.sequential),
      'early-stop',
    ]);
  }
  rows.push(...exportRows(results));
  const walked = results.rssSessions.toLocaleString('en');
  const rssWhat = `peak RSS walking ${walked} sessions, SDK / hand loop`;
  rows.push(ratioRow(rssWhat, rss.SDK!.maxRssMb, rss['hand loop']!.maxRssMb, false, targets.rssRatio, 'rss'));
  const growth = spread(rss.SDK!.heapGrowthMb);
  rows.push([
    'heap growth during that walk, SDK, per million sessions',
    withRange(growth, 2, ' MB'),
    `flat: < ${targets.heapGrowthMb} MB`,
    growth.median < targets.heapGrowthMb,
    'rss',
  ]);
  for (const node of nodes) {
    const times = imports[node.label]!;
    for (const kind of ['ESM', 'CJS']) {
      const what = `import time, stripe-node / SDK (${kind}), ${node.label}`;
      const [a, b] = [times[`stripe-node, ${kind}`]!, times[`SDK, ${kind}`]!];
      rows.push(ratioRow(what, a, b, true, targets.importRatio, `imports ${node.label}`));
    }
  }
  rows.push([
    'SDK ESM entry with openapi-fetch, min+gzip',
    kB(sizes.sdk.gzipped),
    `≤ ${kB(sizeTargetBytes)} (npm test's guard: ${kB(sizeGuardBytes)})`,
    sizes.sdk.gzipped <= sizeTargetBytes,
    '',
  ]);
  const body = rows.map(([what, measured, target, met, part]) => [
    what,
    measured,
    target,
    verdict(met),
    part ? loadIn(results, part) : '—',
  ]);
  const missed = rows.filter(([, , , met]) => !met).length;
  const header = ['what', 'measured: median (min–max)', 'target', '', 'load average then'];
  return `${table(header, body)}\n\n${missed ? `${missed} of ${rows.length} targets missed.` : `All ${rows.length} targets met.`} Ratios are of the medians; their min–max is the lowest and highest ratio of runs made side by side. The load average is the machine's 1-minute figure over that part of the run: median (min–max). ${fixed(results.seconds / 60, 1)} minutes for the whole run.`;
}
