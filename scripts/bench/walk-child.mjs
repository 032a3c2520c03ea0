/**
 * One Node's walks, driven over IPC by walks.ts: `{ contender, busyMs, stopAfter, toArray }` →
 * `{ items, ms }`. Started once per Node version; argv: the server's base URL and stripe port.
 */
import { makeWalkers, spin } from './walkers.mjs';

const gc = globalThis.gc;
if (!gc) throw new Error('run with --expose-gc');
const [baseUrl, stripePort] = process.argv.slice(2);
const apiKey = process.env.BENCH_API_KEY;
const names = ['SDK', 'SDK, prefetch off', 'hand loop', 'stripe-node'];
const walkers = await makeWalkers({ baseUrl, stripePort: Number(stripePort), apiKey }, names);

async function run({ contender, busyMs = 0, stopAfter = Number.POSITIVE_INFINITY, toArray }) {
  const walker = walkers[contender];
  gc();
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
  return { items, ms: performance.now() - started };
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
