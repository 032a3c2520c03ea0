/**
 * 1. CPU per call: the client's own cost with no network, through a stub fetch that builds a fresh
 * Response from a pre-serialized 10-session page on every call, as a real fetch hands over a new one.
 */
import createClient from 'openapi-fetch';
import type { paths } from '../../src/index.js';
import { fakeSessions } from '../../src/testing/index.js';
import { loadSdk, type Plan } from './config.js';
import { gc, rotate } from './stats.js';

/** Microseconds per call, one figure per round, by contender. */
export type CpuFigures = Record<string, number[]>;

/** The contenders, each one call with a stub fetch: the SDK, openapi-fetch alone, a bare fetch-shaped call. */
export async function cpuContenders(apiKey: string): Promise<Record<string, () => Promise<unknown>>> {
  const { Loops } = await loadSdk();
  const text = JSON.stringify({
    object: 'list',
    data: fakeSessions(10),
    has_more: true,
    url: '/api/v3/checkout/sessions',
  });
  // The headers the bench server sends. Without content-length (a chunked or compressed body) the
  // SDK counts the body's bytes as it reads them: that path is measured apart.
  const headers = { 'content-type': 'application/json', 'x-request-id': 'req_bench' };
  const sized = { headers: { ...headers, 'content-length': String(Buffer.byteLength(text)) } };
  const stub = async (_input: unknown, _init?: unknown) => new Response(text, sized);
  const unsized = async (_input: unknown) => new Response(text, { headers });
  const baseUrl = 'http://127.0.0.1:9/api/v3';
  const requestHeaders = { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' };
  const loops = new Loops({ apiKey, baseUrl, fetch: stub });
  const unsizedLoops = new Loops({ apiKey, baseUrl, fetch: unsized });
  const openapiFetch = createClient<paths>({ baseUrl, headers: requestHeaders, fetch: stub });
  return {
    SDK: () => loops.checkout.sessions.list({ limit: 10 }),
    'openapi-fetch': () => openapiFetch.GET('/checkout/sessions', { params: { query: { limit: 10 } } }),
    // What a signal in its Request costs openapi-fetch: the SDK's requests always carry one (timeouts, aborts).
    'openapi-fetch, with a signal': () =>
      openapiFetch.GET('/checkout/sessions', {
        params: { query: { limit: 10 } },
        signal: new AbortController().signal,
      }),
    'bare fetch-shaped call': () =>
      stub(`${baseUrl}/checkout/sessions?limit=10`, { headers: requestHeaders })
        .then((response) => response.text())
        .then(JSON.parse),
    'SDK, no content-length': () => unsizedLoops.checkout.sessions.list({ limit: 10 }),
  };
}

export async function measureCpu(apiKey: string, { rounds, perRound, warmUp }: Plan['cpu']): Promise<CpuFigures> {
  const contenders = await cpuContenders(apiKey);
  const figures: CpuFigures = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (const call of Object.values(contenders)) for (let i = 0; i < warmUp; i++) await call();
  for (let round = 0; round < rounds; round++) {
    for (const name of rotate(Object.keys(contenders), round)) {
      const call = contenders[name]!;
      gc();
      const started = performance.now();
      for (let i = 0; i < perRound; i++) await call();
      figures[name]!.push(((performance.now() - started) / perRound) * 1000);
    }
  }
  return figures;
}
