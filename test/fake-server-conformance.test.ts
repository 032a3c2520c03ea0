import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import type { ParamRule } from '../src/operation.js';
import type { Fault } from '../src/testing/index.js';
import { fakeSessions } from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { useServers } from './support/servers.js';
import { cursorParam, invalidStatus, limitBounds, limitParam, statusParam } from './support/spec.js';
import {
  declaredHeaders,
  declaredResponse,
  declaredStatuses,
  errorResponse,
  findings,
} from './support/spec-conformance.js';

const servers = useServers({ proxy: false });
const sessions = fakeSessions(30);
beforeEach(() => servers.fake.setSessions(sessions));

type OperationId = keyof typeof operationMetadata;
const listing = operationMetadata.listCheckoutSessions;
const operationIds = Object.keys(operationMetadata) as OperationId[];
/** A path of an operation, its path parameters filled in. */
const pathOf = (id: OperationId, value = sessions[3]!.id) =>
  operationMetadata[id].path.replace(/\{[^}]+\}/g, encodeURIComponent(value));
const authorization = { authorization: `Bearer ${apiKey}` };

async function exchange(path: string, init: RequestInit = { headers: authorization }) {
  const response = await fetch(`${servers.fake.url}${path}`, init);
  return { status: response.status, headers: response.headers, text: await response.text() };
}

/** Asks the fake server, and expects its answer to be what the spec declares for operation (or its error response). */
async function expectConforms(operation: OperationId | undefined, path: string, init?: RequestInit) {
  const answer = await exchange(path, init);
  const declared = operation ? declaredResponse(operation, answer.status).response : errorResponse;
  expect(findings(declared, answer.status, answer.headers, answer.text), `${answer.status} ${path}`).toEqual([]);
  return answer;
}

/** Values the spec allows for a list parameter; a cursor is drawn from the sessions served. */
function allowed(name: string, rule: ParamRule): fc.Arbitrary<string> {
  if (name === cursorParam) return fc.constantFrom(...sessions.map((s) => s.id));
  if (rule.enum) return fc.constantFrom(...rule.enum.map(String));
  if (rule.type === 'integer') return fc.integer({ min: rule.minimum ?? 0, max: rule.maximum ?? 1000 }).map(String);
  return fc.string({ minLength: rule.minLength ?? 0, maxLength: 20 });
}

describe('every answer of the fake server is what the spec declares, with no field or header it does not', () => {
  it('the list, for any query the spec allows', async () => {
    const rules = listing.query as Record<string, ParamRule>;
    const query = fc.record(
      Object.fromEntries(Object.entries(rules).map(([name, rule]) => [name, allowed(name, rule)])),
      {
        requiredKeys: [],
      },
    );
    await fc.assert(
      fc.asyncProperty(query, async (params) => {
        const answer = await expectConforms(
          'listCheckoutSessions',
          `${listing.path}?${new URLSearchParams(params as Record<string, string>)}`,
        );
        expect(answer.status).toBe(200);
      }),
      { numRuns: 40 },
    );
  });

  it('retrieve, for any session', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...sessions), async (session) => {
        const answer = await expectConforms('retrieveCheckoutSession', pathOf('retrieveCheckoutSession', session.id));
        expect(answer.status).toBe(200);
      }),
      { numRuns: 20 },
    );
  });

  it.each<[string, OperationId, string, number]>([
    ['a page size over the maximum', 'listCheckoutSessions', `?${limitParam}=${limitBounds.maximum + 1}`, 400],
    ['a status the spec does not list', 'listCheckoutSessions', `?${statusParam}=${invalidStatus}`, 400],
    ['a cursor that is no session', 'listCheckoutSessions', `?${cursorParam}=cs_test_nowhere`, 400],
    ['a parameter the spec does not declare', 'listCheckoutSessions', '?colour=blue', 400],
    ['an id that is not valid percent-encoding', 'retrieveCheckoutSession', '%ZZ', 400],
    ['an id no session has', 'retrieveCheckoutSession', 'cs_test_nowhere', 404],
  ])('refusals: %s (%s)', async (_, operation, tail, status) => {
    const path =
      operation === 'retrieveCheckoutSession'
        ? operationMetadata[operation].path.replace(/\{[^}]+\}/, tail)
        : `${operationMetadata[operation].path}${tail}`;
    expect((await expectConforms(operation, path)).status).toBe(status);
  });

  it.each(operationIds)('%s without an API key, or with a wrong one: 401', async (operation) => {
    expect((await expectConforms(operation, pathOf(operation), {})).status).toBe(401);
    const wrong = { headers: { authorization: 'Bearer sk_test_wrong_key' } };
    expect((await expectConforms(operation, pathOf(operation), wrong)).status).toBe(401);
  });

  it('an unknown path, and a method no operation takes: in the error format', async () => {
    expect((await expectConforms(undefined, '/checkout/nowhere')).status).toBe(404);
    expect((await expectConforms(undefined, listing.path, { method: 'DELETE', headers: authorization })).status).toBe(
      405,
    );
  });
});

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
      await Promise.all(operationIds.map(async (id) => [id, (await exchange(pathOf(id))).text])),
    );
    const fault = fc.constantFrom(...operationIds).chain((operation) =>
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
        expect((await expectConforms(operation, pathOf(operation))).status).toBe(status);
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
    for (const operation of operationIds) {
      servers.fake.fault({ type: 'status', status: 429, ...retry });
      expect((await expectConforms(operation, pathOf(operation))).status).toBe(429);
    }
  });

  it.each(operationIds)('a slow answer of %s', async (operation) => {
    servers.fake.fault({ type: 'slow', delayMs: 1 });
    expect((await expectConforms(operation, pathOf(operation))).status).toBe(200);
  });
});
