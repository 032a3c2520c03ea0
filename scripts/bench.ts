/**
 * `npm run bench`: the SDK against openapi-fetch alone, a bare fetch, a hand-written loop and
 * stripe-node, on a bench server in its own process (every answer serialized once at start,
 * keep-alive, a delay set per run), and writes the figures into BENCHMARKS.md, whose prose explains
 * them. Every figure is a median with its min–max; verdicts are on medians. BENCH_QUICK=1 checks
 * the harness in a couple of minutes and prints instead of writing (scripts/bench/config.ts).
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { measureBuildCosts } from './bench/build-costs.js';
import { measureCliExport } from './bench/cli-export.js';
import { apiKey, otherNodes, plan, quick } from './bench/config.js';
import { measureCpu } from './bench/cpu.js';
import { measureEarlyStop } from './bench/early-stop.js';
import { measureImports } from './bench/imports.js';
import { pinnedNode, thisNode } from './bench/node-versions.js';
import { type Results, writeReport } from './bench/report.js';
import { measureRequests } from './bench/requests.js';
import { measureRss } from './bench/rss.js';
import { type BenchServer, startServer } from './bench/server-control.js';
import { measureSizes } from './bench/sizes.js';
import { measureTransports } from './bench/transports.js';
import { measureWalks, startWalker } from './bench/walks.js';
import { root } from './harness/paths.js';

const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const step = (text: string) => console.log(`[${elapsed()}] ${text}`);
// Others' work on a shared machine moves every figure: the report says how busy it was, over the
// run and during each part (the 1-minute load average, sampled every 5 s).
const load: Results['load'] = { samples: [[0, loadavg()[0]!]], parts: {} };
setInterval(() => load.samples.push([performance.now() - started, loadavg()[0]!]), 5_000).unref();

/** Runs one part of the bench, remembering when it ran. */
async function part<T>(name: string, measure: () => T | Promise<T>): Promise<T> {
  const from = performance.now() - started;
  try {
    return await measure();
  } finally {
    load.parts[name] = [from, performance.now() - started];
  }
}

/** Runs measure against a server of count sessions, stopping the server whatever happens. */
async function withServer<T>(count: number, measure: (server: BenchServer) => Promise<T>): Promise<T> {
  const server = await startServer(count, apiKey);
  try {
    return await measure(server);
  } finally {
    server.stop();
  }
}

async function main(): Promise<void> {
  step(`Building dist/ …${quick ? ' (BENCH_QUICK=1: small counts, nothing written)' : ''}`);
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);
  const nodes = [thisNode, ...otherNodes.map(pinnedNode)];
  const results = {
    walkSessions: plan.walks.sessions,
    rssSessions: plan.rss.sessions,
    exportSessions: plan.cliExport.sessions,
    nodes,
    load,
  } as Partial<Results>;

  step('1. CPU per call, stub fetch …');
  results.cpu = await part('cpu', () => measureCpu(apiKey, plan.cpu));

  await withServer(plan.walks.sessions, async (server) => {
    step('2. Per request against the bench server …');
    results.requests = await part('requests', () => measureRequests(server, apiKey, plan.requests));
    results.walks = {};
    for (const node of nodes) {
      const walker = await startWalker(server, node);
      try {
        const walks = node === thisNode ? plan.walks : { ...plan.walks, ...plan.otherNodes };
        step(`3. Walks of ${plan.walks.sessions.toLocaleString('en')} sessions on ${node.label} …`);
        results.walks[node.label] = await part(`walks ${node.label}`, () => measureWalks(server, walker, walks));
        if (node === thisNode) {
          step('3a. Transports, bare …');
          const { sessions } = plan.walks;
          results.transports = await part('transports', () =>
            measureTransports(server, walker, { ...plan.transports, sessions }),
          );
          step('4. Early stop …');
          results.earlyStop = await part('early-stop', () => measureEarlyStop(server, walker, plan.earlyStop));
        }
      } finally {
        walker.stop();
      }
    }
  });

  await withServer(plan.rss.sessions, async (server) => {
    step(`5. Peak RSS of walking ${plan.rss.sessions.toLocaleString('en')} sessions …`);
    results.rss = await part('rss', () => measureRss(server, plan.rss.sessions, plan.rss));
    step(`8. CLI export of ${plan.cliExport.sessions.toLocaleString('en')} sessions …`);
    results.cliExport = await part('cli-export', () => measureCliExport(server, plan.cliExport));
  });

  results.imports = {};
  for (const node of nodes) {
    step(`6. Import time on ${node.label} …`);
    results.imports[node.label] = await part(`imports ${node.label}`, () => measureImports(node, plan.imports.runs));
  }

  step('7. Size …');
  results.sizes = await measureSizes();
  step('Build costs …');
  results.build = measureBuildCosts(plan.generateRuns);

  results.seconds = (performance.now() - started) / 1000;
  writeReport(join(root, 'BENCHMARKS.md'), results as Results, quick);
  step(quick ? 'Done (quick: BENCHMARKS.md left as it was).' : 'Wrote the figures into BENCHMARKS.md.');
}

await main();
