import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { type CheckoutSession, Loops, type SessionStatus } from '../src/index.js';
import { type Fault, fakeSession } from '../src/testing/index.js';
import { cursorsOf, recordingFetch } from './support/recording-fetch.js';
import { apiKey, useServers } from './support/servers.js';
import { cursorParam, limitBounds, statusValues } from './support/spec.js';

const servers = useServers({ proxy: true });
const statuses: readonly SessionStatus[] = statusValues;

const dataset = fc
  .array(fc.constantFrom(...statuses), { maxLength: 45 })
  .map((drawn) => drawn.map((status, i) => fakeSession(drawn.length - i, { status })));
const retryableFault = fc.oneof(
  fc.constantFrom(429, 500, 502, 503).map((status): Fault => ({ type: 'status', status, retryAfterMs: 1 })),
  fc.constant<Fault>({ type: 'status', status: 408, retryAfter: 0 }),
);

describe('property tests are repeatable', () => {
  it('run with a fixed seed unless FC_SEED picks another', () => {
    const chosen = process.env.FC_SEED;
    const seed = fc.readConfigureGlobal().seed;
    if (chosen === 'random') expect(Number.isInteger(seed)).toBe(true);
    else expect(seed).toBe(chosen === undefined ? 20_261_125 : Number(chosen));
  });
});

describe('auto-pagination, for any data set, limit, filter, prefetch and early stop (through Prism proxy)', () => {
  it('yields exactly the matching sessions, in order, each once, in ⌈n/limit⌉ pages, at most one more with prefetch when it stops early', async () => {
    let faultsServedInAll = 0;
    await fc.assert(
      fc.asyncProperty(
        dataset,
        fc.integer({ min: limitBounds.minimum, max: limitBounds.maximum }),
        fc.option(fc.constantFrom(...statuses), { nil: undefined }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), retryableFault), { maxLength: 3 }),
        fc.boolean(),
        // Where the loop breaks, as a fraction of the matching sessions; undefined walks to the end.
        fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: undefined }),
        async (sessions, limit, status, faults, prefetch, stopAt) => {
          servers.fake.reset();
          servers.fake.setSessions(sessions);
          const expected = sessions.filter((session) => status === undefined || session.status === status);
          // Each fault goes in once a fraction of the sessions has been yielded: before the first
          // request, mid-way through the walk (at a page boundary or not), or at its end.
          const pending = faults
            .map(([at, fault]) => [Math.floor(at * expected.length), fault] as const)
            .sort((a, b) => a[0] - b[0]);
          const inject = (count: number) => {
            while (pending.length && pending[0]![0] <= count) servers.fake.fault(pending.shift()![1]);
          };
          const params = status === undefined ? { limit } : { limit, status };
          const stopAfter = stopAt === undefined ? expected.length : Math.max(1, Math.ceil(stopAt * expected.length));
          const seen: CheckoutSession[] = [];
          // Every request the walk sends, with its cursor: what the SDK did, whatever reached the server.
          const { fetch, sent } = recordingFetch();
          inject(0);
          const loops = new Loops({ apiKey, baseUrl: servers.proxyUrl, maxRetries: 5, fetch });
          for await (const session of loops.checkout.sessions.list(params, { prefetch })) {
            seen.push(session);
            inject(seen.length);
            if (seen.length >= stopAfter) break;
          }
          expect(seen.map((s) => s.id)).toEqual(expected.slice(0, stopAfter).map((s) => s.id));
          // Pages a walk that fetches each page only when it reaches it sends; prefetch adds at most one.
          const allPages = Math.max(1, Math.ceil(expected.length / limit));
          const pagesRead = Math.max(1, Math.ceil(stopAfter / limit));
          const pages = new Set(cursorsOf(sent)).size;
          if (prefetch) expect(pages).toBe(Math.min(pagesRead + 1, allPages));
          else expect(pages).toBe(pagesRead);
          // Each cursor is requested once, but for retries of the same page.
          if (stopAfter === expected.length) {
            const faultsServed = servers.fake.requests.filter((r) => r.outcome !== 'ok').length;
            faultsServedInAll += faultsServed;
            expect(servers.fake.requests.length - faultsServed).toBe(allPages);
          }
          // The prefetch aborted by the break may still be on its way through the proxy: let it land
          // (or give up on it) before the next run resets the server, so that it cannot take that run's faults.
          if (prefetch && stopAfter < expected.length) {
            const aborted = cursorsOf(sent).at(-1);
            const landed = () => servers.fake.requests.some((r) => (r.query[cursorParam] ?? null) === aborted);
            await vi.waitFor(() => expect(landed()).toBe(true), { timeout: 500 }).catch(() => {});
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
        },
      ),
      { numRuns: 40 },
    );
    // The runs must have exercised retries mid-walk, or the property says nothing about them.
    expect(faultsServedInAll).toBeGreaterThan(5);
  }, 120_000);
});
