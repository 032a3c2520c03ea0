/**
 * The bench's figures, written into BENCHMARKS.md between `<!-- bench:NAME -->` and
 * `<!-- /bench:NAME -->` markers; the prose around them, which explains the figures, is hand-written.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { earlyStopTable, importTables, perRun, rssTable, sizeTables, versus, walkTables } from './blocks.js';
import type { BuildFigures } from './build-costs.js';
import type { CpuFigures } from './cpu.js';
import type { EarlyStopFigures } from './early-stop.js';
import { fixed, table } from './format.js';
import type { ImportFigures } from './imports.js';
import type { NodeBinary } from './node-versions.js';
import type { RequestFigures } from './requests.js';
import type { RssFigures } from './rss.js';
import type { SizeFigures } from './sizes.js';
import { summary } from './summary.js';
import type { WalkFigures } from './walks.js';

export interface Results {
  /** This Node first. */
  nodes: NodeBinary[];
  cpu: CpuFigures;
  requests: RequestFigures;
  /** By Node label. */
  walks: Record<string, WalkFigures>;
  earlyStop: EarlyStopFigures;
  rss: RssFigures;
  /** By Node label. */
  imports: Record<string, ImportFigures>;
  sizes: SizeFigures;
  build: BuildFigures;
  walkSessions: number;
  rssSessions: number;
  seconds: number;
  /** The machine's 1-minute load average, sampled through the run: others' work shows here. */
  load: number[];
}

function machine({ nodes, seconds, load }: Results): string {
  const cpus = os.cpus();
  const memory = `${fixed(os.totalmem() / 2 ** 30, 0)} GiB`;
  const versions = nodes.map((node) => node.label).join(', ');
  return `Measured on ${new Date().toISOString().slice(0, 10)}: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, ${memory}, ${os.type()} ${os.release()}; ${versions}. The run took ${fixed(seconds / 60, 1)} minutes; the machine's load average over it was ${perRun(load, 1)}.`;
}

function cpuBlock({ cpu }: Results): string {
  const rows = Object.entries(cpu).map(([name, values]) => [name, perRun(values, 1)]);
  const sdk = versus(cpu.SDK!, cpu['openapi-fetch']!);
  const openapiFetch = versus(cpu['openapi-fetch']!, cpu['bare fetch-shaped call']!);
  return `${table(['contender', 'µs per call'], rows, 'lr')}\n\nSDK / openapi-fetch: ${sdk}; openapi-fetch / bare fetch-shaped call: ${openapiFetch}.`;
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
    return `${node.label}: ${sessions} sessions per walk, ${runs(rounds)} of each.\n\n${walkTables(figures)}`;
  };
  return {
    machine: machine(results),
    summary: summary(results),
    cpu: cpuBlock(results),
    requests: requestBlock(results),
    walks: walksOn(main!),
    'walks-nodes': others.map(walksOn).join('\n\n'),
    'early-stop': earlyStopTable(results),
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
