/**
 * One walk of every session in a fresh process, for its peak RSS (RSS is per process, so each run
 * gets its own). argv: base URL, contender ('SDK' or 'hand loop'), sessions between heap samples.
 * Prints one JSON line: items, ms, maxRSS in kB, and heapUsed before the walk and at each sample.
 */
import { makeWalkers } from './walkers.mjs';

const gc = globalThis.gc;
if (!gc) throw new Error('run with --expose-gc');
const [baseUrl, contender, every] = process.argv.slice(2);
const sampleEvery = Number(every);
const walkers = await makeWalkers({ baseUrl, apiKey: process.env.BENCH_API_KEY }, [contender]);

gc();
const heapBefore = process.memoryUsage().heapUsed;
const heapSamples = [];
let items = 0;
const started = performance.now();
await walkers[contender].walk(() => {
  // A forced GC only at each sample (20 per walk), so that the heap figure is what the walk keeps
  // while the peak RSS stays what the walk would reach on its own.
  if (++items % sampleEvery === 0) {
    gc();
    heapSamples.push(process.memoryUsage().heapUsed);
  }
});
const ms = performance.now() - started;
const maxRssKb = process.resourceUsage().maxRSS;
console.log(JSON.stringify({ items, ms, maxRssKb, heapBefore, heapSamples }));
