/**
 * What a spec owner gets from the engine for operations this spec does not have yet: a POST that
 * declares an idempotency key, and lists paged by offset. Each runs on a throwaway server through
 * the engine the generated methods call, with the operation as generated/operations.ts would hold it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import { engineOf, LoopsClient } from '../src/client-core.js';
import { LoopsError, ValidationError } from '../src/index.js';
import type { Operation } from '../src/operation.js';
import { fakeSession } from '../src/testing/index.js';
import { bodyExamples } from './support/bodies.js';
import { apiKey } from './support/client.js';
import { withHttpServer } from './support/http-server.js';
import { rejection } from './support/rejection.js';

const creating = operationMetadata.createCheckoutSession;
const example = Object.values(bodyExamples(creating.method.toLowerCase(), creating.path))[0];
const idempotent: Operation = { ...creating, idempotencyHeader: 'Idempotency-Key' };

describe('a POST whose operation declares an idempotency key', () => {
  /** Answers 500 to the first `failures` requests, then 200, keeping each request's headers. */
  async function withFlakyServer(failures: number, work: (url: string, seen: IncomingHttpHeaders[]) => Promise<void>) {
    const seen: IncomingHttpHeaders[] = [];
    await withHttpServer(
      (req, res) => {
        seen.push(req.headers);
        req.resume();
        const failing = seen.length <= failures;
        res.writeHead(failing ? 500 : 200, { 'content-type': 'application/json', 'retry-after-ms': '1' });
        res.end(JSON.stringify(failing ? { error: { type: 'api_error', message: 'boom' } } : fakeSession(1)));
      },
      (server) => work(server.url, seen),
    );
  }

  it('sends one new key per call, the same on every retry of a 500, and retries like a GET', async () => {
    await withFlakyServer(2, async (url, seen) => {
      const engine = engineOf(new LoopsClient({ apiKey, baseUrl: url, maxRetries: 2 }));
      await engine.call(idempotent, { body: example });
      const keys = seen.map((headers) => headers['idempotency-key']);
      expect(keys).toHaveLength(3);
      expect(new Set(keys).size).toBe(1);
      expect(keys[0]).toMatch(/^loops-[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      await engine.call(idempotent, { body: example });
      expect(seen[3]!['idempotency-key']).not.toBe(keys[0]);
    });
  });

  it("sends the caller's own key when given, on every attempt", async () => {
    await withFlakyServer(1, async (url, seen) => {
      const engine = engineOf(new LoopsClient({ apiKey, baseUrl: url, maxRetries: 1 }));
      await engine.call(idempotent, { body: example }, { idempotencyKey: 'order-10442-checkout' });
      expect(seen.map((headers) => headers['idempotency-key'])).toEqual([
        'order-10442-checkout',
        'order-10442-checkout',
      ]);
    });
  });

  it.each(['', 'with space', 'k'.repeat(256), 'é'])(
    'refuses a key %o that a header cannot carry, before sending',
    async (key) => {
      const engine = engineOf(new LoopsClient({ apiKey, fetch: async () => Response.json({}) }));
      const error = await rejection(
        engine.call(idempotent, { body: example }, { idempotencyKey: key }),
        ValidationError,
      );
      expect(error.param).toBe('idempotencyKey');
    },
  );

  it('an operation without one takes no idempotencyKey option', async () => {
    const engine = engineOf(new LoopsClient({ apiKey, fetch: async () => Response.json({}) }));
    const error = await rejection(
      engine.call(creating, { body: example }, { idempotencyKey: 'k-1' } as object),
      ValidationError,
    );
    expect(error.message).toContain('unknown option');
  });
});

describe('a list paged by offset', () => {
  const products = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ id: `prod_${i}`, name: `Product ${i}` }));
  const listing = (paging: Record<string, string>): Operation => ({
    method: 'GET',
    path: '/products',
    pathParams: {},
    query: {
      limit: { type: 'integer', minimum: 1, maximum: 50, default: 10 },
      offset: { type: 'integer', minimum: 0 },
    },
    success: { status: 200, schema: 'ProductList' },
    pagination: { style: 'offset', limitParam: 'limit', offsetParam: 'offset', itemsField: 'data', ...paging },
  });

  it.each([
    ['a has_more flag', { hasMoreField: 'has_more' }],
    ['a total', { totalField: 'total' }],
    ['neither (a short page ends it)', {}],
  ])('walks every item once, in order, with prefetch, when the list has %s', async (_, extra) => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 15 }),
        fc.boolean(),
        async (count, limit, prefetch) => {
          const all = products(count);
          const offsets: number[] = [];
          await withHttpServer(
            (req, res) => {
              const query = new URL(req.url ?? '/', 'http://x').searchParams;
              const offset = Number(query.get('offset') ?? 0);
              const size = Number(query.get('limit') ?? 10);
              offsets.push(offset);
              const data = all.slice(offset, offset + size);
              res.setHeader('content-type', 'application/json');
              res.end(JSON.stringify({ data, has_more: offset + size < count, total: count }));
            },
            async ({ url }) => {
              const engine = engineOf(new LoopsClient({ apiKey, baseUrl: url, maxRetries: 0 }));
              const seen: string[] = [];
              const list = engine.list<{ id: string }, unknown, Record<string, number>>(
                listing(extra),
                { query: { limit } },
                { prefetch },
              );
              for await (const product of list) seen.push(product.id);
              expect(seen).toEqual(all.map((p) => p.id));
            },
          );
          // Each page asked for once, at the offset of the items received so far.
          expect(new Set(offsets).size).toBe(offsets.length);
          for (const [i, offset] of offsets.entries()) expect(offset).toBe(Math.min(i * limit, count));
        },
      ),
      { numRuns: 25 },
    );
  });

  it('a server that ignores the offset (the same page at every offset) ends the walk with a LoopsError', async () => {
    let requests = 0;
    await withHttpServer(
      (_req, res) => {
        requests++;
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: products(5), has_more: true }));
      },
      async ({ url }) => {
        const engine = engineOf(new LoopsClient({ apiKey, baseUrl: url, maxRetries: 0 }));
        const list = engine.list(listing({ hasMoreField: 'has_more' }), { query: { limit: 5 } }, { prefetch: false });
        const seen: unknown[] = [];
        const error = await rejection(
          (async () => {
            for await (const product of list) seen.push(product);
          })(),
          LoopsError,
        );
        expect(error.message).toMatch(
          /^Page at offset 5 holds the items of the page before: does the API ignore `offset`\? Stopped paginating/,
        );
        expect(seen).toHaveLength(5);
        expect(requests).toBe(2);
      },
    );
  });

  it("nextPageParams() gives the offset to resume from, typed as the spec's integer", async () => {
    await withHttpServer(
      (_req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: products(10), has_more: true }));
      },
      async ({ url }) => {
        const engine = engineOf(new LoopsClient({ apiKey, baseUrl: url }));
        const page = await engine.list(listing({ hasMoreField: 'has_more' }), { query: { offset: 20, limit: 10 } });
        expect(page.nextPageParams()).toEqual({ offset: 30 });
      },
    );
  });
});
