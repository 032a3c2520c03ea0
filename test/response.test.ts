import { describe, expect, it } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import { APIError, AuthenticationError, InternalServerError, NotFoundError, RateLimitError } from '../src/index.js';
import type { Operation } from '../src/operation.js';
import { type Failure, type Fetched, readResponse } from '../src/response.js';
import { fakeSessions } from '../src/testing/index.js';

const listing: Operation = operationMetadata.listCheckoutSessions;
const retrieving: Operation = operationMetadata.retrieveCheckoutSession;
const paging = operationMetadata.listCheckoutSessions.pagination;

/** A stub Response: readResponse reads only its status, headers and type, never its body. */
const stub = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers: { 'x-request-id': 'req_stub', ...headers } });
const listText = JSON.stringify({ object: 'list', [paging.itemsField]: fakeSessions(2), [paging.hasMoreField]: false });

const failed = (outcome: Fetched | Failure) => {
  expect('error' in outcome, 'a failure').toBe(true);
  return outcome as Failure;
};

describe('readResponse: (response, text) → data or a typed failure, for any operation', () => {
  it('a list with its items and has_more flag is data, with its request ID', () => {
    const outcome = readResponse(listing, stub(200), listText) as Fetched<Record<string, unknown>>;
    expect(outcome.body[paging.itemsField]).toHaveLength(2);
    expect(outcome.requestId).toBe('req_stub');
  });

  it('a session object is data for retrieve', () => {
    const session = fakeSessions(1)[0]!;
    const outcome = readResponse(retrieving, stub(200), JSON.stringify(session)) as Fetched;
    expect(outcome.body).toEqual(session);
  });

  it.each([
    [401, AuthenticationError, false],
    [404, NotFoundError, false],
    [429, RateLimitError, true],
    [503, InternalServerError, true],
    [418, APIError, false],
  ])('a %i is a %o failure, retryable: %s', (status, ErrorClass, retryable) => {
    const text = JSON.stringify({ error: { type: 'invalid_request_error', message: 'Nope.' } });
    const outcome = failed(readResponse(retrieving, stub(status), text));
    expect(outcome.error).toBeInstanceOf(ErrorClass);
    expect((outcome.error as APIError).error?.message).toBe('Nope.');
    expect(Boolean(outcome.retryable)).toBe(retryable);
  });

  it('x-should-retry overrides the status rule', () => {
    expect(failed(readResponse(listing, stub(400, { 'x-should-retry': 'true' }), '')).retryable).toBe(true);
    expect(failed(readResponse(listing, stub(503, { 'x-should-retry': 'false' }), '')).retryable).toBe(false);
  });

  it('a redirect is refused, naming where it pointed, and not retried', () => {
    const outcome = failed(readResponse(listing, stub(307, { location: 'https://elsewhere.example/x' }), ''));
    expect(outcome.error.message).toContain('Redirect to https://elsewhere.example/x not followed');
    expect(outcome.retryable).toBeFalsy();
  });

  it("a 200 that is not JSON, or not the operation's outline, is an APIError that keeps the text", () => {
    expect(failed(readResponse(listing, stub(200), '{"data":[')).error.message).toContain('Body is not JSON');
    const notList = failed(readResponse(listing, stub(200), '{"hello":"world"}')).error as APIError;
    expect(notList.message).toContain('Body is not a list');
    expect(notList.body).toBe('{"hello":"world"}');
    expect(failed(readResponse(retrieving, stub(200), '[1,2]')).error.message).toContain(
      'Body is not a CheckoutSession',
    );
  });

  it('an error body that is not JSON is kept as text', () => {
    const error = failed(readResponse(listing, stub(502), '<h1>Bad Gateway</h1>')).error as APIError;
    expect(error.body).toBe('<h1>Bad Gateway</h1>');
    expect(error.requestId).toBe('req_stub');
  });
});
