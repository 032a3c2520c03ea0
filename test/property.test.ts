import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CheckoutSession, Loops, type SessionStatus } from '../src/index.js';
import { type Fault, fakeSession } from '../src/testing/index.js';
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

describe('auto-pagination, for any data set, limit and filter (through Prism proxy)', () => {
  it('yields exactly the matching sessions, in order, each once, in ⌈n/limit⌉ requests (at least one)', async () => {
    let faultsServedInAll = 0;
    await fc.assert(
      fc.asyncProperty(
        dataset,
        fc.integer({ min: limitBounds.minimum, max: limitBounds.maximum }),
        fc.option(fc.constantFrom(...statuses), { nil: undefined }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), retryableFault), { maxLength: 3 }),
        async (sessions, limit, status, faults) => {
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
          const seen: CheckoutSession[] = [];
          inject(0);
          for await (const session of new Loops({
            apiKey,
            baseUrl: servers.proxyUrl,
            maxRetries: 5,
          }).checkout.sessions.list(params)) {
            seen.push(session);
            inject(seen.length);
          }
          expect(seen.map((s) => s.id)).toEqual(expected.map((s) => s.id));
          const pages = Math.max(1, Math.ceil(expected.length / limit));
          const faultsServed = servers.fake.requests.filter((r) => r.outcome !== 'ok').length;
          faultsServedInAll += faultsServed;
          expect(servers.fake.requests.length - faultsServed).toBe(pages);
          const cursors = servers.fake.requests.filter((r) => r.outcome === 'ok').map((r) => r.query[cursorParam]);
          expect(new Set(cursors).size).toBe(pages);
        },
      ),
      { numRuns: 40 },
    );
    // The runs must have exercised retries mid-walk, or the property says nothing about them.
    expect(faultsServedInAll).toBeGreaterThan(5);
  }, 120_000);
});
