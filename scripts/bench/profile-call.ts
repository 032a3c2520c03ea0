/**
 * A differential profile of one call with a stub fetch: the contenders of cpu.ts take turns in one
 * process under V8's sampling profiler (node:inspector), and each sample counts for the contender
 * whose turn it fell in. Prints, per call, the self time of each function for the SDK and for
 * openapi-fetch with a signal (what every SDK request carries), largest difference first: where the
 * SDK's extra time goes. BENCHMARKS.md quotes it. Not part of `npm run bench` (profiling slows every
 * call down); run it on a quiet machine, after `npm run build`:
 *
 *   node --expose-gc --import tsx scripts/bench/profile-call.ts [rounds]
 */
import { Session } from 'node:inspector/promises';
import { apiKey } from './config.js';
import { cpuContenders } from './cpu.js';
import { gc, rotate } from './stats.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const compared = ['SDK', 'openapi-fetch, with a signal'];
const rounds = Number(process.argv[2] ?? 12);
const perRound = 2_000;
const contenders = await cpuContenders(apiKey);
for (const name of compared) for (let i = 0; i < 3_000; i++) await contenders[name]!();

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 50 });
await session.post('Profiler.start');
// Each turn's span, in the profiler's clock (microseconds of the same monotonic clock as hrtime).
const turns: [name: string, from: number, to: number][] = [];
const now = () => Number(process.hrtime.bigint() / 1_000n);
for (let round = 0; round < rounds; round++) {
  for (const name of rotate(compared, round)) {
    gc();
    const from = now();
    for (let i = 0; i < perRound; i++) await contenders[name]!();
    turns.push([name, from, now()]);
  }
}
const { profile } = (await session.post('Profiler.stop')) as { profile: Profile };
session.disconnect();

// Self time per function, per contender, in µs per call.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime: Record<string, Map<string, number>> = Object.fromEntries(compared.map((name) => [name, new Map()]));
let at = profile.startTime;
profile.samples.forEach((id, i) => {
  at += profile.timeDeltas[i]!;
  const turn = turns.find(([, from, to]) => at >= from && at <= to);
  if (!turn) return;
  const { functionName, url } = byId.get(id)!.callFrame;
  const where = `${functionName || '(anonymous)'} ${url.split('/').slice(-2).join('/')}`.trim();
  const times = selfTime[turn[0]]!;
  times.set(where, (times.get(where) ?? 0) + (profile.timeDeltas[i + 1] ?? 0) / (rounds * perRound));
});
const [sdk, other] = compared.map((name) => selfTime[name]!);
const total = (times: Map<string, number>) => [...times.values()].reduce((sum, time) => sum + time, 0);
console.log(
  `µs per call, sampled: SDK ${total(sdk!).toFixed(1)}, openapi-fetch with a signal ${total(other!).toFixed(1)}`,
);
console.log('difference  SDK  openapi-fetch  function (self time)');
const names = new Set([...sdk!.keys(), ...other!.keys()]);
const rows = [...names].map((name) => [name, sdk!.get(name) ?? 0, other!.get(name) ?? 0] as const);
rows.sort((a, b) => Math.abs(b[1] - b[2]) - Math.abs(a[1] - a[2]));
for (const [name, a, b] of rows.slice(0, 30)) {
  console.log(`${(a - b).toFixed(2).padStart(10)} ${a.toFixed(2).padStart(5)} ${b.toFixed(2).padStart(14)}  ${name}`);
}
