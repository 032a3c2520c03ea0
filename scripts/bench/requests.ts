/**
 * 2. Per request against the bench server: the SDK, openapi-fetch alone and a bare fetch, taking
 * turns request by request (the order rotating), at each of the server's delays.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../../src/index.js';
import { loadSdk, type Plan } from './config.js';
import type { BenchServer } from './server-control.js';
import { gc } from './stats.js';

/** Requests per second, one figure per round, by delay then contender. */
export type RequestFigures = Record<number, Record<string, number[]>>;

export async function measureRequests(
  server: BenchServer,
  apiKey: string,
  { warmUp, runs }: Plan['requests'],
): Promise<RequestFigures> {
  const { Loops } = await loadSdk();
  const { baseUrl } = server;
  const headers = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
  const loops = new Loops({ apiKey, baseUrl });
  const openapiFetch = createClient<paths>({ baseUrl, headers });
  const contenders: Record<string, () => Promise<unknown>> = {
    SDK: () => loops.checkout.sessions.list({ limit: 10 }),
    'openapi-fetch': () => openapiFetch.GET('/checkout/sessions', { params: { query: { limit: 10 } } }),
    'bare fetch': () =>
      fetch(`${baseUrl}/checkout/sessions?limit=10`, { headers })
        .then((response) => response.text())
        .then(JSON.parse),
  };
  const names = Object.keys(contenders);
  await server.setDelay(0);
  for (const call of Object.values(contenders)) for (let i = 0; i < warmUp; i++) await call();
  const figures: RequestFigures = {};
  for (const { delay, rounds, perRound } of runs) {
    console.log(`  ${delay} ms: ${rounds} rounds of ${perRound} requests per contender`);
    await server.setDelay(delay);
    figures[delay] = Object.fromEntries(names.map((name) => [name, []]));
    for (let round = 0; round < rounds; round++) {
      gc();
      const spent: Record<string, number> = Object.fromEntries(names.map((name) => [name, 0]));
      for (let i = 0; i < perRound; i++) {
        for (let k = 0; k < names.length; k++) {
          const name = names[(i + k) % names.length]!;
          const started = performance.now();
          await contenders[name]!();
          spent[name]! += performance.now() - started;
        }
      }
      for (const name of names) figures[delay]![name]!.push((perRound / spent[name]!) * 1000);
    }
  }
  const { failed } = await server.count();
  if (failed) throw new Error(`${failed} requests refused by the bench server`);
  return figures;
}
