/**
 * 8. The CLI export: `loops-checkout sessions list --all --max N` (dist/cli, as users run it) in
 * JSONL and CSV, against the bench server at 5 ms, beside the floor client and a hand-written CSV
 * script (export-child.mjs), each a fresh process with stdout to /dev/null, taking turns. Figures:
 * sessions per second over the whole run (process start included), and CPU per page: the CPU of a
 * run of N sessions less that of a run of one page, over the pages between, so that what a process
 * spends starting (the CLI loads more than a script) is left out.
 */
import { spawn } from 'node:child_process';
import { openSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { listTarget } from '../../src/cli/list-target.js';
import { root } from '../harness/paths.js';
import { apiKey } from './config.js';
import type { BenchServer } from './server-control.js';
import { rotate } from './stats.js';

export interface ExportRuns {
  sessionsPerSecond: number[];
  cpuMsPerPage: number[];
  load: number[];
}
/** By contender. */
export type ExportFigures = Record<string, ExportRuns>;

const cli = join(root, 'dist/cli/loops-checkout.mjs');
const exportChild = join(root, 'scripts/bench/export-child.mjs');
const target = listTarget('listCheckoutSessions');
const columns = JSON.stringify([...target.fields, target.extraColumn]);

/** The command line of each contender, for n sessions. */
const contenders: Record<string, (n: number) => string[]> = {
  'CLI, jsonl': (n) => [cli, 'sessions', 'list', '--all', '--max', String(n), '--format', 'jsonl'],
  'CLI, csv': (n) => [cli, 'sessions', 'list', '--all', '--max', String(n), '--format', 'csv'],
  'floor client': (n) => [exportChild, 'floor', '', String(n)],
  'hand-written CSV script': (n) => [exportChild, 'hand csv', '', String(n)],
};

/** Runs one contender in a fresh process: its wall time and the CPU time it reported at exit. */
function run(server: BenchServer, args: string[]): Promise<{ ms: number; cpuMs: number }> {
  const argv = args.map((arg) => (arg === '' ? server.baseUrl : arg));
  const started = performance.now();
  const running = spawn(process.execPath, ['--import', join(root, 'scripts/bench/cpu-report.mjs'), ...argv], {
    stdio: ['ignore', openSync('/dev/null', 'w'), 'pipe'],
    env: {
      ...process.env,
      LOOPS_API_KEY: apiKey,
      LOOPS_BASE_URL: server.baseUrl,
      LOOPS_LOG: 'warn',
      BENCH_API_KEY: apiKey,
      BENCH_COLUMNS: columns,
    },
  });
  let stderr = '';
  running.stderr!.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) =>
    running.on('close', (code) => {
      const ms = performance.now() - started;
      const cpu = /cpu-ms ([\d.]+)\s*$/.exec(stderr);
      if (code !== 0 || !cpu) reject(new Error(`${argv.join(' ')} exited ${code}: ${stderr}`));
      else resolve({ ms, cpuMs: Number(cpu[1]) });
    }),
  );
}

export async function measureCliExport(
  server: BenchServer,
  { sessions, rounds, delay }: { sessions: number; rounds: number; delay: number },
): Promise<ExportFigures> {
  await server.setDelay(delay);
  const names = Object.keys(contenders);
  const figures: ExportFigures = Object.fromEntries(
    names.map((name) => [name, { sessionsPerSecond: [], cpuMsPerPage: [], load: [] }]),
  );
  for (const name of names) await run(server, contenders[name]!(100));
  await server.count();
  for (let round = 0; round < rounds; round++) {
    for (const name of rotate(names, round)) {
      const onePage = await run(server, contenders[name]!(100));
      const whole = await run(server, contenders[name]!(sessions));
      const { count, failed } = await server.count();
      // The CLI's walk may prefetch a page past --max, which it aborts: one request more at each stop.
      if (failed || count < 1 + sessions / 100) throw new Error(`${name}: ${count} requests, ${failed} refused`);
      const runs = figures[name]!;
      runs.sessionsPerSecond.push((sessions / whole.ms) * 1000);
      runs.cpuMsPerPage.push((whole.cpuMs - onePage.cpuMs) / (sessions / 100 - 1));
      runs.load.push(loadavg()[0]!);
    }
    console.log(`  round ${round + 1} of ${rounds}`);
  }
  return figures;
}
