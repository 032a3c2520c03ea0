import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import type { ParamRule } from '../src/operation.js';
import {
  authorization,
  callInit,
  implementedIds,
  type OperationId,
  operationIds,
  useConformance,
} from './support/conformance.js';
import { cursorParam, invalidStatus, limitBounds, limitParam, statusParam } from './support/spec.js';

const listing = operationMetadata.listCheckoutSessions;
const { sessions, path, conforms } = useConformance();

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
        const answer = await conforms(
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
        const answer = await conforms('retrieveCheckoutSession', path('retrieveCheckoutSession', session.id));
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
    const at =
      operation === 'retrieveCheckoutSession'
        ? operationMetadata[operation].path.replace(/\{[^}]+\}/, tail)
        : `${operationMetadata[operation].path}${tail}`;
    expect((await conforms(operation, at)).status).toBe(status);
  });

  it.each(operationIds)('%s: its success when the fake server implements it, else 501', async (operation) => {
    const answer = await conforms(operation, path(operation), callInit(operation));
    const implemented = implementedIds.includes(operation);
    expect(answer.status).toBe(implemented ? operationMetadata[operation].success.status : 501);
  });

  it.each(operationIds)('%s without an API key, or with a wrong one: 401', async (operation) => {
    expect((await conforms(operation, path(operation), callInit(operation, {}))).status).toBe(401);
    const wrong = callInit(operation, { authorization: 'Bearer sk_test_wrong_key' });
    expect((await conforms(operation, path(operation), wrong)).status).toBe(401);
  });

  it('an unknown path, and a method no operation takes: in the error format', async () => {
    expect((await conforms(undefined, '/checkout/nowhere')).status).toBe(404);
    expect((await conforms(undefined, listing.path, { method: 'DELETE', headers: authorization })).status).toBe(405);
  });
});
