import { describe, expect, it, vi } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import { type CheckoutSession, LoopsError } from '../src/index.js';
import { fakeSessions } from '../src/testing/index.js';
import { testClient } from './support/client.js';
import { rejection } from './support/rejection.js';
import { useServers } from './support/servers.js';

const servers = useServers({ proxy: false });
const client = () => testClient({ baseUrl: servers.fake.url });
const paging = operationMetadata.listCheckoutSessions.pagination;
const ids = (sessions: CheckoutSession[]) => sessions.map((session) => session.id);
const pageOf = (sessions: CheckoutSession[], more: boolean) => ({
  object: 'list',
  [paging.itemsField]: sessions,
  [paging.hasMoreField]: more,
  url: '/api/v3/checkout/sessions',
});

describe('auto-pagination under parallel next() calls', () => {
  // With prefetch, the page after the one in hand is already requested: 3 requests for 2 pages read.
  it.each([
    [false, 2],
    [true, 3],
  ])(
    'two next() calls in flight at a page boundary get two different sessions (prefetch %s: %i requests, each cursor once)',
    async (prefetch, requests) => {
      servers.fake.setSessions(fakeSessions(5));
      const iterator = client()
        .checkout.sessions.list({ [paging.limitParam]: 2 }, { prefetch })
        [Symbol.asyncIterator]();
      await iterator.next();
      await iterator.next();
      const [third, fourth] = await Promise.all([iterator.next(), iterator.next()]);
      expect([third.value?.id, fourth.value?.id]).toEqual(ids(fakeSessions(5).slice(2, 4)));
      await vi.waitFor(() => expect(servers.fake.requests).toHaveLength(requests));
      const cursors = servers.fake.requests.map((request) => request.query[paging.cursorParam]);
      expect(new Set(cursors).size).toBe(requests);
      await iterator.return?.();
    },
  );

  it.each([false, true])(
    'many next() calls at once, from the start, yield every session once, in order, one request per page (prefetch %s)',
    async (prefetch) => {
      servers.fake.setSessions(fakeSessions(7));
      const iterator = client()
        .checkout.sessions.list({ [paging.limitParam]: 3 }, { prefetch })
        [Symbol.asyncIterator]();
      const results = await Promise.all(Array.from({ length: 9 }, () => iterator.next()));
      expect(results.filter((r) => !r.done).map((r) => r.value?.id)).toEqual(ids(fakeSessions(7)));
      expect(results.slice(7).every((r) => r.done)).toBe(true);
      expect(servers.fake.requests).toHaveLength(3);
    },
  );

  it('an error in a page turn reaches every waiting call, and the walk ends', async () => {
    servers.fake.setSessions(fakeSessions(4));
    const iterator = client()
      .checkout.sessions.list({ [paging.limitParam]: 2 }, { prefetch: false })
      [Symbol.asyncIterator]();
    await iterator.next();
    await iterator.next();
    servers.fake.fault({ type: 'status', status: 400 });
    const outcomes = await Promise.allSettled([iterator.next(), iterator.next()]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(await iterator.next()).toEqual({ done: true, value: undefined });
  });
});

describe('the walk owns its cursor set', () => {
  it('stops a server that cycles through two pages, before yielding anything twice', async () => {
    const [a, b, c, d] = fakeSessions(4) as [CheckoutSession, CheckoutSession, CheckoutSession, CheckoutSession];
    // Page 1 ends at b, page 2 at d, then the server answers page 1 again: b was sent before.
    servers.fake.fault(
      { type: 'status', status: 200, body: pageOf([a, b], true) },
      { type: 'status', status: 200, body: pageOf([c, d], true) },
      { type: 'status', status: 200, body: pageOf([a, b], true) },
    );
    const seen: string[] = [];
    const walk = async () => {
      for await (const session of client().checkout.sessions.list()) seen.push(session.id);
    };
    const error = await rejection(walk(), LoopsError);
    expect(error.message).toMatch(
      new RegExp(
        `^Page ending at ${b.id} sent twice: does the API ignore \`${paging.cursorParam}\`\\? Stopped paginating`,
      ),
    );
    expect(seen).toEqual(ids([a, b, c, d]));
  });
});

describe('nextPageParams()', () => {
  it('names the cursor that resumes the walk where a page ends, and is null on the last page', async () => {
    servers.fake.setSessions(fakeSessions(5));
    const first = await client().checkout.sessions.list({ [paging.limitParam]: 3 });
    expect(first.nextPageParams()).toEqual({ [paging.cursorParam]: fakeSessions(5)[2]!.id });
    const resumed = await client().checkout.sessions.list({ [paging.limitParam]: 3, ...first.nextPageParams() });
    expect(ids(resumed.getPaginatedItems())).toEqual(ids(fakeSessions(5).slice(3)));
    expect(resumed.nextPageParams()).toBeNull();
  });
});
