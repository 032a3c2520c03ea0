import createClient from 'openapi-fetch';
import { describe, expect, inject, it } from 'vitest';
import type { paths } from '../generated/schema.js';
import { createRawClient } from '../src/raw.js';
import { schemaValidator } from './support/schema.js';
import { invalidStatus, limitBounds, limitParam } from './support/spec.js';

const baseUrl = inject('prismMockUrl');
const raw = createRawClient({ apiKey: 'sk_test_contract', baseUrl });
const isList = schemaValidator('CheckoutSessionList');
const isError = schemaValidator('Error');

function expectValid(validate: typeof isList, value: unknown): void {
  const valid = validate(value);
  expect(validate.errors ?? [], 'body must validate against the spec').toEqual([]);
  expect(valid).toBe(true);
}

describe('the typed call against a Prism mock of the spec', () => {
  it('returns a list of checkout sessions that validates against CheckoutSessionList', async () => {
    const { data, error, response } = await raw.GET('/checkout/sessions', { params: { query: { limit: 2 } } });
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    expectValid(isList, data);
    expect(data?.object).toBe('list');
    expect(data?.data.length).toBeGreaterThan(0);
  });

  it.each(['firstPage', 'lastPage', 'emptyPage'])(
    'serves the named example %s, valid against the schema',
    async (name) => {
      const { data } = await raw.GET('/checkout/sessions', { headers: { Prefer: `example=${name}` } });
      expectValid(isList, data);
      expect(data?.has_more).toBe(name === 'firstPage');
      if (name === 'emptyPage') expect(data?.data).toEqual([]);
    },
  );

  it.each([
    [400, 'invalid_request_error'],
    [401, 'invalid_request_error'],
    [429, 'invalid_request_error'],
    [500, 'api_error'],
    [503, 'api_error'],
  ] as const)('reaches the declared %i response as a typed error body', async (status, type) => {
    const { data, error, response } = await raw.GET('/checkout/sessions', { headers: { Prefer: `code=${status}` } });
    expect(data).toBeUndefined();
    expect(response.status).toBe(status);
    expectValid(isError, error);
    expect(error?.error.type).toBe(type);
    expect(error?.error.message.length).toBeGreaterThan(10);
    expect(response.headers.get('x-request-id')).toMatch(/^req_/);
    if (status === 429) expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(0);
  });

  it('answers 401 to a request without an API key', async () => {
    const anonymous = createClient<paths>({ baseUrl });
    const { error, response } = await anonymous.GET('/checkout/sessions');
    expect(response.status).toBe(401);
    expectValid(isError, error);
  });

  it.each([limitBounds.minimum - 1, limitBounds.maximum + 1])('rejects limit=%i with 400', async (limit) => {
    const { error, response } = await raw.GET('/checkout/sessions', { params: { query: { limit } } });
    expect(response.status).toBe(400);
    expectValid(isError, error);
    expect(error?.error.param).toBe(limitParam);
  });

  it('rejects an unknown status with 400', async () => {
    // @ts-expect-error invalidStatus is none of the spec's status values: the type forbids it, the server too.
    const { error, response } = await raw.GET('/checkout/sessions', { params: { query: { status: invalidStatus } } });
    expect(response.status).toBe(400);
    expectValid(isError, error);
  });
});
