import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIUserAbortError,
  BadRequestError,
  type CheckoutSession,
  InternalServerError,
  Loops,
  RateLimitError,
} from '../src/index.js';
import { retryDelayMs } from '../src/retry.js';
import { type Fault, fakeSessions } from '../src/testing/index.js';
import { withFakeClock } from './support/fake-clock.js';
import { httpFetch } from './support/http-fetch.js';
import { rejection } from './support/rejection.js';
import { apiKey, useServers } from './support/servers.js';
import { cursorParam } from './support/spec.js';

const servers = useServers({ proxy: true });

/** A client on the fake server directly, over node:http so that a fake clock can drive it. */
const direct = (options: { maxRetries?: number; timeout?: number } = {}) =>
  new Loops({ apiKey, baseUrl: servers.fake.url, fetch: httpFetch, ...options });
const proxied = (options: { maxRetries?: number; timeout?: number } = {}) =>
  new Loops({ apiKey, baseUrl: servers.proxyUrl, ...options });

/** The waits between consecutive requests, as the fake server's clock saw them. */
const gaps = () => servers.fake.requests.slice(1).map((request, i) => request.at - servers.fake.requests[i]!.at);
const noJitter = () => vi.spyOn(Math, 'random').mockReturnValue(0);
const status = (code: number, more: Partial<Extract<Fault, { type: 'status' }>> = {}): Fault => ({
  type: 'status',
  status: code,
  ...more,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('retry schedule, under a fake clock', () => {
  it('retries a 503 twice, 0.5 s then 1 s apart, then surfaces InternalServerError', async () => {
    noJitter();
    servers.fake.fault(status(503), status(503), status(503));
    const error = await rejection(
      withFakeClock(() => direct().checkout.sessions.list()),
      InternalServerError,
    );
    expect(error.status).toBe(503);
    expect(servers.fake.requests).toHaveLength(3);
    expect(gaps()).toEqual([500, 1000]);
  });

  it('doubles the backoff from 0.5 s up to 8 s, then stays at 8 s', async () => {
    noJitter();
    servers.fake.setSessions(fakeSessions(1));
    servers.fake.fault(...Array.from({ length: 6 }, () => status(500)));
    const page = await withFakeClock(() => direct({ maxRetries: 6 }).checkout.sessions.list());
    expect(page.data).toHaveLength(1);
    expect(gaps()).toEqual([500, 1000, 2000, 4000, 8000, 8000]);
  });

  it('shortens each backoff by up to 25 % of jitter', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(1);
    servers.fake.fault(status(502), status(502), status(502));
    await withFakeClock(() =>
      direct()
        .checkout.sessions.list()
        .catch(() => undefined),
    );
    expect(gaps()).toEqual([375, 750]);
  });

  it('keeps every jittered delay within 75 % to 100 % of the backoff', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, r) => {
          const base = Math.min(500 * 2 ** retry, 8000);
          const delay = retryDelayMs(retry, undefined, () => r);
          return delay <= base && delay >= base * 0.75;
        },
      ),
    );
  });

  // The fake clock starts at 2026-11-24T12:00:00Z, so the HTTP date below is 4 s ahead of it.
  it.each([
    [
      'retry-after-ms when the server sends it, before Retry-After',
      status(429, { retryAfterMs: 1234, retryAfter: 9 }),
      1234,
    ],
    ['Retry-After given in seconds', status(429, { retryAfter: 3 }), 3000],
    ['until a Retry-After given as an HTTP date', status(503, { retryAfter: 'Tue, 24 Nov 2026 12:00:04 GMT' }), 4000],
    ['at most 60 s, whatever the server asks', status(429, { retryAfter: 3600 }), 60_000],
    ['the backoff when Retry-After is unreadable', status(503, { retryAfter: 'soon' }), 500],
  ])('waits %s', async (_what, fault, delay) => {
    noJitter();
    servers.fake.fault(fault);
    await withFakeClock(() => direct().checkout.sessions.list());
    expect(gaps()).toEqual([delay]);
  });

  it('retries a connection reset, then returns the page', async () => {
    noJitter();
    servers.fake.setSessions(fakeSessions(2));
    servers.fake.fault({ type: 'reset' });
    const page = await withFakeClock(() => direct().checkout.sessions.list());
    expect(page.data).toHaveLength(2);
    expect(servers.fake.requests.map((r) => r.outcome)).toEqual(['reset', 'ok']);
    expect(gaps()).toEqual([500]);
  });

  it('stops a backoff wait at once when the signal aborts, and sends nothing more', async () => {
    servers.fake.fault(status(503, { retryAfter: 30 }));
    const controller = new AbortController();
    const started = performance.now();
    const listing = rejection(direct().checkout.sessions.list({}, { signal: controller.signal }));
    await vi.waitUntil(() => servers.fake.requests.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.abort();
    expect(await listing).toBeInstanceOf(APIUserAbortError);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(servers.fake.requests).toHaveLength(1);
  });
});

describe('what is retried, through Prism proxy', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('retries %i', async (code) => {
    servers.fake.fault(status(code, { retryAfterMs: 1 }));
    await proxied().checkout.sessions.list();
    expect(servers.fake.requests.map((r) => r.outcome)).toEqual([`status ${code}`, 'ok']);
  });

  it.each([400, 401, 403, 404, 422])('does not retry %i', async (code) => {
    servers.fake.fault(status(code, { retryAfterMs: 1 }));
    await expect(proxied().checkout.sessions.list()).rejects.toMatchObject({ status: code });
    expect(servers.fake.requests).toHaveLength(1);
  });

  it('x-should-retry: false stops the retry of a 503', async () => {
    servers.fake.fault(status(503, { shouldRetry: false }));
    await expect(proxied().checkout.sessions.list()).rejects.toBeInstanceOf(InternalServerError);
    expect(servers.fake.requests).toHaveLength(1);
  });

  it('x-should-retry: true retries a 400', async () => {
    servers.fake.fault(
      status(400, { shouldRetry: true, retryAfterMs: 1 }),
      status(400, { shouldRetry: true, retryAfterMs: 1 }),
      status(400),
    );
    await expect(proxied().checkout.sessions.list()).rejects.toBeInstanceOf(BadRequestError);
    expect(servers.fake.requests).toHaveLength(3);
  });

  it('maxRetries per call overrides the client: 0 surfaces the first 429', async () => {
    servers.fake.fault(status(429, { retryAfterMs: 1 }));
    await expect(proxied({ maxRetries: 5 }).checkout.sessions.list({}, { maxRetries: 0 })).rejects.toBeInstanceOf(
      RateLimitError,
    );
    expect(servers.fake.requests).toHaveLength(1);
  });

  // The faults are queued up front, the first passing through (a slow answer of 0 ms), so that they meet the
  // second page's request whenever it leaves: with prefetch, before the loop reaches the end of the first.
  it.each([true, false])(
    'resumes auto-pagination at the same cursor after a retry, prefetch %s: nothing skipped, nothing twice',
    async (prefetch) => {
      servers.fake.setSessions(fakeSessions(30));
      servers.fake.fault(
        { type: 'slow', delayMs: 0 },
        status(503, { retryAfterMs: 1 }),
        status(429, { retryAfterMs: 1 }),
      );
      const seen: CheckoutSession[] = [];
      for await (const session of proxied().checkout.sessions.list({ limit: 10 }, { prefetch })) seen.push(session);
      expect(seen.map((s) => s.id)).toEqual(fakeSessions(30).map((s) => s.id));
      const cursors = servers.fake.requests.map((r) => r.query[cursorParam] ?? null);
      const tenth = fakeSessions(30)[9]!.id;
      expect(cursors).toEqual([null, tenth, tenth, tenth, fakeSessions(30)[19]!.id]);
    },
  );
});

describe('timeouts and aborts', () => {
  it('times out an attempt that takes longer than timeout, retries it, then throws APIConnectionTimeoutError', async () => {
    noJitter();
    servers.fake.fault({ type: 'slow', delayMs: 2000 }, { type: 'slow', delayMs: 2000 });
    const started = performance.now();
    const error = await rejection(
      direct({ timeout: 100, maxRetries: 1 }).checkout.sessions.list(),
      APIConnectionTimeoutError,
    );
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error.message).toBe('No response within 100 ms: raise `timeout`?');
    expect(servers.fake.requests).toHaveLength(2);
    expect(performance.now() - started).toBeLessThan(1500);
  });

  it('a timeout per call overrides the client: a slow answer within it succeeds', async () => {
    servers.fake.setSessions(fakeSessions(1));
    servers.fake.fault({ type: 'slow', delayMs: 150 });
    const page = await direct({ timeout: 50, maxRetries: 0 }).checkout.sessions.list({}, { timeout: 2000 });
    expect(page.data).toHaveLength(1);
  });

  it('times out through the real fetch too, and a retry after it succeeds', async () => {
    noJitter();
    servers.fake.setSessions(fakeSessions(1));
    servers.fake.fault({ type: 'slow', delayMs: 3000 });
    const loops = new Loops({ apiKey, baseUrl: servers.proxyUrl, timeout: 300, maxRetries: 1 });
    const page = await loops.checkout.sessions.list();
    expect(page.data).toHaveLength(1);
  });

  it('aborting during a request rejects with APIUserAbortError before the server answers, and does not retry', async () => {
    // The server holds the request far longer than the test may run: only the abort can end it.
    servers.fake.fault({ type: 'slow', delayMs: 600_000 });
    const controller = new AbortController();
    const retries: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (line: string) => void retries.push(line) };
    const listing = new Loops({ apiKey, baseUrl: servers.fake.url, logger }).checkout.sessions.list(
      {},
      { signal: controller.signal },
    );
    const settled = listing.then(
      () => 'resolved',
      (error: unknown) => error,
    );
    // Abort once the server holds the request (it took the slow fault), however long getting there takes.
    await vi.waitFor(() => expect(servers.fake.requests.map((request) => request.outcome)).toEqual(['slow']), {
      timeout: 15_000,
      interval: 5,
    });
    controller.abort();
    expect(await settled).toBeInstanceOf(APIUserAbortError);
    // Still the one request, never answered: the rejection came from the abort. A retry is logged
    // as it is decided, before its wait: none was.
    expect(servers.fake.requests.map((request) => request.outcome)).toEqual(['slow']);
    expect(retries).toEqual([]);
  });

  it('an already aborted signal sends nothing', async () => {
    const listing = direct().checkout.sessions.list({}, { signal: AbortSignal.abort() });
    await expect(listing).rejects.toBeInstanceOf(APIUserAbortError);
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('a refused connection is retried, then surfaces APIConnectionError', async () => {
    noJitter();
    const closed = new Loops({ apiKey, baseUrl: 'http://127.0.0.1:9', fetch: httpFetch });
    const error = await rejection(
      withFakeClock(() => closed.checkout.sessions.list()),
      APIConnectionError,
    );
    expect(error).not.toBeInstanceOf(APIConnectionTimeoutError);
    expect(error.message).toMatch(/^Could not reach the API \(.+\): check the network and `baseUrl`\.$/);
    expect(error.cause).toBeDefined();
  });
});
