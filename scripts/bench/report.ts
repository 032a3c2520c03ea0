/**
 * The bench's figures, written into BENCHMARKS.md between `<!-- bench:NAME -->` and
 * `<!-- /bench:NAME -->` markers; the prose around them, which explains the figures, is hand-written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import {
  earlyStopTable,
  exportTable,
  importTables,
  perRun,
  rssTable,
  sizeTables,
  transportTable,
  versus,
  walkTables,
} from './blocks.js';
import type { BuildFigures } from './build-costs.js';
import type { ExportFigures } from './cli-export.js';
import type { CpuFigures } from './cpu.js';
import type { EarlyStopFigures } from './early-stop.js';
import { fixed, table } from './format.js';
import type { ImportFigures } from './imports.js';
import type { NodeBinary } from './node-versions.js';
import type { RequestFigures } from './requests.js';
import type { RssFigures } from './rss.js';
import type { SizeFigures } from './sizes.js';
import { summary } from './summary.js';
import type { TransportFigures } from './transports.js';
import type { WalkFigures } from './walks.js';

export interface Results {
  /** This Node first. */
  nodes: NodeBinary[];
  cpu: CpuFigures;
  requests: RequestFigures;
  /** By Node label. */
  walks: Record<string, WalkFigures>;
  transports: TransportFigures;
  earlyStop: EarlyStopFigures;
  cliExport: ExportFigures;
  rss: RssFigures;
  /** By Node label. */
  imports: Record<string, ImportFigures>;
  sizes: SizeFigures;
  build: BuildFigures;
  walkSessions: number;
  rssSessions: number;
  exportSessions: number;
  seconds: number;
  /**
   * The machine's 1-minute load average, sampled through the run ([ms since the start, load]): others'
   * work shows here; and when each part ran ([from, to] in ms since the start), by part.
   */
  load: { samples: [number, number][]; parts: Record<string, [number, number]> };
}

/** The load average while a part of the bench ran: median (min–max) of the samples then. */
export function loadIn({ load }: Results, part: string): string {
  const [from, to] = load.parts[part] ?? [0, Number.POSITIVE_INFINITY];
  const during = load.samples.filter(([at]) => at >= from && at <= to).map(([, value]) => value);
  // A part shorter than the sampling interval: the sample nearest to its start.
  const nearest = load.samples.reduce((best, sample) =>
    Math.abs(sample[0] - from) < Math.abs(best[0] - from) ? sample : best,
  );
  return perRun(during.length ? during : [nearest[1]], 1);
}

function machine({ nodes, seconds, load }: Results): string {
  const overall = perRun(
    load.samples.map(([, value]) => value),
    1,
  );
  const cpus = os.cpus();
  const memory = `${fixed(os.totalmem() / 2 ** 30, 0)} GiB`;
  const versions = nodes.map((node) => node.label).join(', ');
  return `Measured on ${new Date().toISOString().slice(0, 10)}: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${memory}, ${os.type()} ${os.release()}; ${versions}. The run took ${fixed(seconds / 60, 1)} minutes; the machine's load average over it was ${overall}.`;
}

function cpuBlock(results: Results): string {
  const { cpu } = results;
  const rows = Object.entries(cpu).map(([name, values]) => [name, perRun(values, 1)]);
  const sdk = versus(cpu.SDK!, cpu['openapi-fetch']!);
  const openapiFetch = versus(cpu['openapi-fetch']!, cpu['bare fetch-shaped call']!);
  const chunked = versus(cpu['SDK, no content-length']!, cpu.SDK!);
  return `${table(['contender', 'µs per call'], rows, 'lr')}\n\nSDK / openapi-fetch: ${sdk}; openapi-fetch / bare fetch-shaped call: ${openapiFetch}; SDK, no content-length / SDK: ${chunked}. Load average: ${loadIn(results, 'cpu')}.`;
}

function requestBlock({ requests }: Results): string {
  const names = Object.keys(Object.values(requests)[0]!);
  const header = ['server delay', ...names.map((name) => `${name}, requests/s`), 'SDK / bare', 'openapi-fetch / bare'];
  const rows = Object.entries(requests).map(([delay, byName]) => [
    `${delay} ms`,
    ...names.map((name) => perRun(byName[name]!, 0)),
    versus(byName.SDK!, byName['bare fetch']!),
    versus(byName['openapi-fetch']!, byName['bare fetch']!),
  ]);
  return table(header, rows, `l${'r'.repeat(names.length + 2)}`);
}

const runs = (n: number) => (n === 1 ? '1 run' : `${n} runs`);

/** Each marked block of BENCHMARKS.md, by name. */
function blocks(results: Results): Record<string, string> {
  const [main, ...others] = results.nodes;
  const walksOn = (node: NodeBinary) => {
    const figures = results.walks[node.label]!;
    const rounds = Object.values(Object.values(figures)[0]!)[0]!.itemsPerSecond.length;
    const sessions = results.walkSessions.toLocaleString('en');
    const load = loadIn(results, `walks ${node.label}`);
    return `${node.label}: ${sessions} sessions per walk, ${runs(rounds)} of each; load average ${load}.\n\n${walkTables(figures)}`;
  };
  return {
    machine: machine(results),
    summary: summary(results),
    cpu: cpuBlock(results),
    requests: requestBlock(results),
    walks: walksOn(main!),
    'walks-nodes': others.map(walksOn).join('\n\n'),
    transports: transportTable(results),
    'early-stop': earlyStopTable(results),
    'cli-export': exportTable(results),
    rss: rssTable(results),
    imports: importTables(results),
    sizes: sizeTables(results),
    build: `- \`npm run generate\`: ${perRun(
      results.build.generateMs.map((ms) => ms / 1000),
      2,
      ' s',
    )} wall time, ${runs(results.build.generateMs.length)}.
- \`tsc --noEmit\` of a consumer file: ${results.build.types.files} files, ${results.build.types.types} types, ${results.build.types.instantiations} instantiations,
  check time ${results.build.types.checkTime}, total ${results.build.types.totalTime}.`,
  };
}

/**
 * Replaces each marked block of file with its new figures, and fails on a block the file lacks.
 * A dry run (BENCH_QUICK=1) prints the blocks and leaves the file alone.
 */
export function writeReport(file: string, results: Results, dryRun: boolean): void {
  let text = readFileSync(file, 'utf8');
  const missing: string[] = [];
  for (const [name, block] of Object.entries(blocks(results))) {
    if (dryRun) console.log(`\n<!-- bench:${name} -->\n${block}`);
    const pattern = new RegExp(`(<!-- bench:${name} -->\\n)[\\s\\S]*?(<!-- /bench:${name} -->)`);
    if (!pattern.test(text)) missing.push(name);
    text = text.replace(pattern, (_, start: string, end: string) => `${start}${block}\n${end}`);
  }
  if (missing.length) throw new Error(`${file} lacks the blocks ${missing.join(', ')}`);
  if (!dryRun) writeFileSync(file, text);
}
