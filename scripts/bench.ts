/**
 * `npm run bench`: measures the SDK against a bare fetch, openapi-fetch alone and stripe-node, on
 * one fake server on 127.0.0.1 (a process of its own, keep-alive), and writes the figures into
 * BENCHMARKS.md, whose prose explains them. Figures are medians of repeated rounds.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { Agent } from 'node:http';
import { join } from 'node:path';
import createClient from 'openapi-fetch';
import Stripe from 'stripe';
import { Loops } from '../src/index.js';
import { fakeSessions } from '../src/testing/index.js';
import type { paths } from '../src/types.js';
import { cpuRounds, heapDuringWalk, latencyRounds, timeWalk, typeCheckCost, wallTime } from './bench/measure.js';
import { writeReport } from './bench/report.js';
import { serverCount, startServer } from './bench/server-control.js';
import { bundleSize } from './harness/bundle.js';
import { root } from './harness/paths.js';

const apiKey = 'sk_test_bench';
const sessionCount = 100_000;
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

async function main(): Promise<void> {
  console.log('Building dist/ …');
  const build = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(1);

  const { child, url, stripeUrl } = await startServer(sessionCount, apiKey);
  try {
    const headers = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
    const loops = new Loops({ apiKey, baseUrl: url });
    const openapiFetch = createClient<paths>({ baseUrl: url, headers });

    console.log('1. Per-request overhead …');
    const overhead = await latencyRounds(
      {
        'bare fetch': () => fetch(`${url}/checkout/sessions?limit=10`, { headers }).then((response) => response.json()),
        // Two costs of the SDK that are not its own code, measured apart: a timeout signal on the
        // bare fetch, and openapi-fetch alone.
        'bare fetch + timeout signal': () => {
          const controller = new AbortController();
          const timer = setTimeout(() => controller.abort(), 60_000);
          return fetch(`${url}/checkout/sessions?limit=10`, { headers, signal: controller.signal })
            .then((response) => response.json())
            .finally(() => clearTimeout(timer));
        },
        'openapi-fetch': () => openapiFetch.GET('/checkout/sessions', { params: { query: { limit: 10 } } }),
        SDK: () => loops.checkout.sessions.list({ limit: 10 }),
      },
      15,
      400,
    );
    await serverCount(child);

    const page = JSON.stringify({
      object: 'list',
      data: fakeSessions(10),
      has_more: true,
      url: '/api/v3/checkout/sessions',
    });
    const prebuilt = new Response(page, {
      headers: { 'content-type': 'application/json', 'x-request-id': 'req_bench' },
    });
    const stub = async () => prebuilt.clone();
    const stubbedLoops = new Loops({ apiKey, baseUrl: 'http://127.0.0.1:1', fetch: stub });
    const stubbedOpenapiFetch = createClient<paths>({ baseUrl: 'http://127.0.0.1:1', headers, fetch: stub });
    const cpu = await cpuRounds(
      {
        'openapi-fetch': () => stubbedOpenapiFetch.GET('/checkout/sessions', { params: { query: { limit: 10 } } }),
        SDK: () => stubbedLoops.checkout.sessions.list({ limit: 10 }),
      },
      11,
      10_000,
    );

    console.log('2. Auto-pagination over 100 000 sessions …');
    const sdkWalk = async () => {
      let items = 0;
      for await (const session of loops.checkout.sessions.list({ limit: 100 })) if (session.id) items++;
      return items;
    };
    const handWalk = async () => {
      let items = 0;
      let cursor: string | undefined;
      for (;;) {
        const query = new URLSearchParams({ limit: '100' });
        if (cursor) query.set('starting_after', cursor);
        const body = (await (await fetch(`${url}/checkout/sessions?${query}`, { headers })).json()) as {
          data: { id: string }[];
          has_more: boolean;
        };
        for (const session of body.data) if (session.id) items++;
        if (!body.has_more) return items;
        cursor = body.data.at(-1)!.id;
      }
    };
    const stripe = new Stripe(apiKey, {
      host: '127.0.0.1',
      port: Number(new URL(stripeUrl).port),
      protocol: 'http',
      maxNetworkRetries: 0,
      httpAgent: new Agent({ keepAlive: true }),
    });
    const stripeWalk = async () => {
      let items = 0;
      for await (const session of stripe.checkout.sessions.list({ limit: 100 })) if (session.id) items++;
      return items;
    };

    const walks: Record<string, { itemsPerSecond: number[]; requests: number[]; items: number[] }> = {};
    const contenders: Record<string, () => Promise<number>> = {
      SDK: sdkWalk,
      'hand-written fetch loop': handWalk,
      'stripe-node': stripeWalk,
    };
    for (const [name, walk] of Object.entries(contenders)) {
      walks[name] = { itemsPerSecond: [], requests: [], items: [] };
      await walk(); // warm-up
      await serverCount(child);
    }
    const names = Object.keys(contenders);
    for (let round = 0; round < 7; round++) {
      // Rotate who walks first, and collect garbage before each walk, so that no contender pays for another.
      for (const name of [...names.slice(round % names.length), ...names.slice(0, round % names.length)]) {
        const walk = contenders[name]!;
        gc();
        const { itemsPerSecond, items } = await timeWalk(walk);
        const { count, failed } = await serverCount(child);
        if (failed) throw new Error(`${name}: ${failed} requests failed on the server`);
        walks[name]!.itemsPerSecond.push(itemsPerSecond);
        walks[name]!.requests.push(count);
        walks[name]!.items.push(items);
      }
    }
    const heap = await heapDuringWalk(loops);
    await serverCount(child);

    console.log('4. Sizes …');
    const createClientOnly = join(root, 'node_modules/.cache/bench-size/create-client.mjs');
    mkdirSync(join(createClientOnly, '..'), { recursive: true });
    writeFileSync(createClientOnly, "export { default } from 'openapi-fetch';\n");
    const sizes = {
      sdk: await bundleSize(join(root, 'dist/esm/src/index.js')),
      createClient: await bundleSize(createClientOnly),
      openapiFetch: await bundleSize(join(root, 'node_modules/openapi-fetch/dist/index.mjs')),
      stripe: await bundleSize(join(root, 'node_modules/stripe/esm/stripe.esm.node.js'), 'node'),
    };

    console.log('5. Build costs …');
    const generateMs = wallTime(['--import', 'tsx', 'scripts/generate.ts']);
    const types = typeCheckCost();

    writeReport(join(root, 'BENCHMARKS.md'), { overhead, cpu, walks, heap, sizes, generateMs, types, sessionCount });
    console.log('Wrote the figures into BENCHMARKS.md');
  } finally {
    child.send('stop');
  }
}

await main();
