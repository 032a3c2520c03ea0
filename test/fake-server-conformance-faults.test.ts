import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Fault } from '../src/testing/index.js';
import { callInit, exchange, implementedIds, type OperationId, useConformance } from './support/conformance.js';
import { declaredHeaders, declaredResponse, declaredStatuses } from './support/spec-conformance.js';

const { servers, path, conforms } = useConformance();

describe('every fault answers as the spec declares', () => {
  /** A status each operation declares, or any other, which its default covers; none without a body. */
  const drawnStatus = (operation: OperationId) =>
    fc.oneof(
      fc.constantFrom(...declaredStatuses(operation)),
      fc.integer({ min: 300, max: 599 }).filter((s) => s !== 304),
    );
  const httpDate = fc
    .date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true })
    .map((date) => date.toUTCString());

  it('status faults of every operation, with the retry headers the spec declares for that status', async () => {
    const pages = Object.fromEntries(
      await Promise.all(
        implementedIds.map(async (id) => [id, (await exchange(servers.fake.url, path(id), callInit(id))).text]),
      ),
    );
    const fault = fc.constantFrom(...implementedIds).chain((operation) =>
      fc.record({
        operation: fc.constant(operation),
        status: drawnStatus(operation),
        retryAfter: fc.option(fc.oneof(fc.nat(), httpDate), { nil: undefined }),
        retryAfterMs: fc.option(fc.double({ min: 0, max: 1e7, noNaN: true }), { nil: undefined }),
        shouldRetry: fc.option(fc.boolean(), { nil: undefined }),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fault, async ({ operation, status, ...retry }) => {
        const declared = declaredHeaders(declaredResponse(operation, status).response);
        const wanted: Fault = { type: 'status', status };
        if (status < 300) wanted.body = JSON.parse(pages[operation]!);
        if (declared.includes('retry-after') && retry.retryAfter !== undefined) wanted.retryAfter = retry.retryAfter;
        if (declared.includes('retry-after-ms') && retry.retryAfterMs !== undefined)
          wanted.retryAfterMs = retry.retryAfterMs;
        if (declared.includes('x-should-retry') && retry.shouldRetry !== undefined)
          wanted.shouldRetry = retry.shouldRetry;
        servers.fake.fault(wanted);
        expect((await conforms(operation, path(operation), callInit(operation))).status).toBe(status);
      }),
      { numRuns: 120 },
    );
  });

  it.each([
    ['Retry-After in seconds', { retryAfter: 2 }],
    ['Retry-After as an HTTP date', { retryAfter: new Date(Date.UTC(2026, 10, 24, 12, 0, 4)).toUTCString() }],
    ['retry-after-ms', { retryAfterMs: 1500 }],
    ['x-should-retry', { shouldRetry: false }],
  ])('%s, on a 429 of every operation', async (_, retry) => {
    for (const operation of implementedIds) {
      servers.fake.fault({ type: 'status', status: 429, ...retry });
      expect((await conforms(operation, path(operation), callInit(operation))).status).toBe(429);
    }
  });

  it.each(implementedIds)('a slow answer of %s', async (operation) => {
    servers.fake.fault({ type: 'slow', delayMs: 1 });
    expect((await conforms(operation, path(operation), callInit(operation))).status).toBe(200);
  });
});
