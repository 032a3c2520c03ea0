/**
 * One Node's walks, driven over IPC by walks.ts and transports.ts: `{ contender, busyMs, stopAfter,
 * toArray }` → `{ items, ms, cpuMs }`, cpuMs the CPU time the process spent in the walk. Started once
 * per Node version; argv: the server's base URL and stripe port.
 */
import { bareNames, makeBareWalkers } from './bare-clients.mjs';
import { makeWalkers, spin } from './walkers.mjs';

const gc = globalThis.gc;
if (!gc) throw new Error('run with --expose-gc');
const [baseUrl, stripePort] = process.argv.slice(2);
const apiKey = process.env.BENCH_API_KEY;
const names = ['SDK', 'SDK, prefetch off', 'SDK, fetch', 'hand loop', 'stripe-node'];
const walkers = {
  ...(await makeWalkers({ baseUrl, stripePort: Number(stripePort), apiKey }, names)),
  ...makeBareWalkers({ baseUrl, apiKey }),
};
if (!bareNames.every((name) => walkers[name])) throw new Error('bare-clients.mjs lacks a client it names');

async function run({ contender, busyMs = 0, stopAfter = Number.POSITIVE_INFINITY, toArray }) {
  const walker = walkers[contender];
  gc();
  const cpu = process.cpuUsage();
  const started = performance.now();
  let items = 0;
  if (toArray) {
    items = (await walker.toArray(toArray)).length;
  } else {
    await walker.walk(() => {
      if (busyMs) spin(busyMs);
      return ++items < stopAfter;
    });
  }
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  return { items, ms, cpuMs: (user + system) / 1000 };
}

process.on('message', (message) => {
  if (message === 'stop') process.exit(0);
  run(message).then(
    (result) => process.send(result),
    (error) => process.send({ error: String(error?.stack ?? error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.send({ node: process.version });
