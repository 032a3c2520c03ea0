import { describe, expect, it, vi } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import { APIUserAbortError, BadRequestError, type CheckoutSession } from '../src/index.js';
import { fakeSessions } from '../src/testing/index.js';
import { testClient } from './support/client.js';
import { cursorsOf, recordingFetch } from './support/recording-fetch.js';
import { rejection } from './support/rejection.js';
import { useServers } from './support/servers.js';

const servers = useServers({ proxy: false });
const { limitParam } = operationMetadata.listCheckoutSessions.pagination;
const ids = (sessions: CheckoutSession[]) => sessions.map((session) => session.id);

/** A client whose fetch remembers every request it sends, with its signal. */
function recordingClient() {
  const { fetch, sent } = recordingFetch();
  return { loops: testClient({ baseUrl: servers.fake.url, fetch }), sent };
}

describe('auto-pagination requests the next page ahead (prefetch, on by default)', () => {
  it('as soon as a page arrives, before the loop reaches its end', async () => {
    const sessions = fakeSessions(30);
    servers.fake.setSessions(sessions);
    const { loops, sent } = recordingClient();
    const iterator = loops.checkout.sessions.list({ [limitParam]: 10 })[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.id).toBe(sessions[0]!.id);
    expect(cursorsOf(sent)).toEqual([null, sessions[9]!.id]);
    await vi.waitFor(() => expect(servers.fake.requests).toHaveLength(2));
    await iterator.return?.();
  });

  it('aborts the page requested ahead when the loop breaks, and sends nothing after it', async () => {
    servers.fake.setSessions(fakeSessions(30));
    servers.fake.fault({ type: 'slow', delayMs: 0 }, { type: 'slow', delayMs: 10_000 });
    const { loops, sent } = recordingClient();
    const started = Date.now();
    for await (const _ of loops.checkout.sessions.list({ [limitParam]: 10 })) break;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(sent.map((request) => request.signal.aborted)).toEqual([false, true]);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sent).toHaveLength(2);
  });

  it.each([true, false])(
    'return() while next() awaits a page aborts that request at once, first page or later (prefetch %s)',
    async (prefetch) => {
      const sessions = fakeSessions(30);
      servers.fake.setSessions(sessions);
      const { loops, sent } = recordingClient();
      // The first page: its request hangs (far past the test's own timeout) until return() aborts it.
      servers.fake.fault({ type: 'slow', delayMs: 600_000 });
      const first = loops.checkout.sessions.list({ [limitParam]: 10 }, { prefetch })[Symbol.asyncIterator]();
      const waiting = first.next();
      await vi.waitFor(() => expect(servers.fake.requests).toHaveLength(1));
      await first.return?.();
      expect(await waiting).toEqual({ done: true, value: undefined });
      expect(sent.map((request) => request.signal.aborted)).toEqual([true]);

      // A later page, reached by the loop: the same. Both faults are queued before the walk starts,
      // so that the second request takes the hanging one whenever it is sent (prefetched or not).
      servers.fake.reset();
      servers.fake.fault({ type: 'slow', delayMs: 0 }, { type: 'slow', delayMs: 600_000 });
      const later = loops.checkout.sessions.list({ [limitParam]: 10 }, { prefetch })[Symbol.asyncIterator]();
      for (let i = 0; i < 10; i++) expect((await later.next()).value?.id).toBe(sessions[i]!.id);
      const next = later.next();
      await vi.waitFor(() => expect(servers.fake.requests).toHaveLength(2));
      await later.return?.();
      expect(await next).toEqual({ done: true, value: undefined });
      expect(sent.slice(1).map((request) => request.signal.aborted)).toEqual([false, true]);
    },
  );

  it('answers done after return(), with sessions of the page in hand still unread', async () => {
    servers.fake.setSessions(fakeSessions(30));
    const iterator = testClient({ baseUrl: servers.fake.url })
      .checkout.sessions.list({ [limitParam]: 10 })
      [Symbol.asyncIterator]();
    await iterator.next();
    await iterator.return?.();
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });

  // The bar: breaking after 1, 100 and 150 sessions at limit 100 costs at most one request
  // more than a walk that fetches each page only when the loop reaches it.
  it.each([
    [1, 2, 1],
    [100, 2, 1],
    [150, 3, 2],
    [300, 3, 3],
  ])(
    'breaking after %i sessions at limit 100 sends %i requests (%i without prefetch)',
    async (stopAfter, withPrefetch, without) => {
      servers.fake.setSessions(fakeSessions(300));
      for (const [prefetch, expected] of [
        [true, withPrefetch],
        [false, without],
      ] as const) {
        const { loops, sent } = recordingClient();
        const seen: CheckoutSession[] = [];
        for await (const session of loops.checkout.sessions.list({ [limitParam]: 100 }, { prefetch })) {
          if (seen.push(session) >= stopAfter) break;
        }
        expect(ids(seen)).toEqual(ids(fakeSessions(300).slice(0, stopAfter)));
        expect(sent, `prefetch: ${prefetch}`).toHaveLength(expected);
      }
    },
  );

  it.each([
    [100, 1],
    [150, 2],
    [200, 2],
    [201, 3],
  ])(
    'autoPagingToArray({ limit: %i }) at 100 a page prefetches no page past its limit: %i requests',
    async (limit, requests) => {
      servers.fake.setSessions(fakeSessions(400));
      const { loops, sent } = recordingClient();
      const sessions = await loops.checkout.sessions.list({ [limitParam]: 100 }).autoPagingToArray({ limit });
      expect(ids(sessions)).toEqual(ids(fakeSessions(400).slice(0, limit)));
      expect(sent).toHaveLength(requests);
    },
  );

  it('holds an error of the page requested ahead until the loop reaches that page', async () => {
    const sessions = fakeSessions(4);
    servers.fake.setSessions(sessions);
    servers.fake.fault({ type: 'slow', delayMs: 0 }, { type: 'status', status: 400 });
    const { loops, sent } = recordingClient();
    const iterator = loops.checkout.sessions.list({ [limitParam]: 2 })[Symbol.asyncIterator]();
    expect((await iterator.next()).value?.id).toBe(sessions[0]!.id);
    // The 400 has come back before the loop asks for the second session, which it still gets.
    await vi.waitFor(() => expect(servers.fake.requests[1]?.outcome).toBe('status 400'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await iterator.next()).value?.id).toBe(sessions[1]!.id);
    await rejection(iterator.next(), BadRequestError);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
    expect(sent).toHaveLength(2);
  });

  it("the list's own signal aborts the page requested ahead too; the page in hand is still read", async () => {
    const sessions = fakeSessions(4);
    servers.fake.setSessions(sessions);
    servers.fake.fault({ type: 'slow', delayMs: 0 }, { type: 'slow', delayMs: 10_000 });
    const controller = new AbortController();
    const { loops, sent } = recordingClient();
    const iterator = loops.checkout.sessions
      .list({ [limitParam]: 2 }, { signal: controller.signal })
      [Symbol.asyncIterator]();
    expect((await iterator.next()).value?.id).toBe(sessions[0]!.id);
    controller.abort();
    expect((await iterator.next()).value?.id).toBe(sessions[1]!.id);
    await rejection(iterator.next(), APIUserAbortError);
    expect(sent[1]?.signal.aborted).toBe(true);
  });

  it('refuses a prefetch option that is not a boolean, sending nothing', async () => {
    const { loops, sent } = recordingClient();
    const error = await rejection(loops.checkout.sessions.list({}, { prefetch: 'no' as never }));
    expect(String(error)).toMatch(/prefetch.*true or false/);
    expect(sent).toHaveLength(0);
  });
});
