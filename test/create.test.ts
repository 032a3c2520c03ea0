import { describe, expect, it } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import {
  APIConnectionError,
  type CheckoutSessionCreateParams,
  InternalServerError,
  Loops,
  RateLimitError,
  ValidationError,
} from '../src/index.js';
import { fakeSessions } from '../src/testing/index.js';
import { bodyExamples } from './support/bodies.js';
import { closedPortUrl } from './support/http-server.js';
import { rejection } from './support/rejection.js';
import { apiKey, useServers } from './support/servers.js';

const servers = useServers({ proxy: true });
const creating = operationMetadata.createCheckoutSession;
const examples = Object.entries(bodyExamples(creating.method.toLowerCase(), creating.path)) as [
  string,
  CheckoutSessionCreateParams,
][];
const [, example] = examples[0]!;
const client = (options: { maxRetries?: number; baseUrl?: string } = {}) =>
  new Loops({ apiKey, baseUrl: servers.proxyUrl, maxRetries: 0, ...options });
const posts = () => servers.fake.requests.filter((request) => request.method === creating.method);

describe('create(body) against the fake server, through Prism’s proxy (both checked against the spec)', () => {
  it.each(examples)(
    'creates a session from the example %s: first in the list, retrievable by its id',
    async (_, body) => {
      servers.fake.setSessions(fakeSessions(5));
      const loops = client();
      const { data: session, requestId } = await loops.checkout.sessions.create(body).withResponse();
      expect(requestId).toMatch(/^req_fake\d+$/);
      expect(session).toMatchObject({
        object: 'checkout.session',
        mode: body.mode,
        success_url: body.success_url,
        payment_status: 'unpaid',
        url: expect.stringContaining(session.id),
      });
      expect(session.metadata).toEqual(body.metadata ?? {});
      expect((await loops.checkout.sessions.list({ limit: 1 })).data[0]).toEqual(session);
      expect(await loops.checkout.sessions.retrieve(session.id)).toEqual(session);
    },
  );

  it('the fake server checks the body by the spec too: a broken one sent raw gets a 400 naming the place', async () => {
    const broken = { ...example, line_items: [{ price: 'price_1', quantity: 0 }] };
    const response = await fetch(`${servers.fake.url}${creating.path}`, {
      method: creating.method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify(broken),
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({
      type: 'invalid_request_error',
      code: 'parameter_invalid',
      param: 'line_items[0].quantity',
      message: 'Invalid line_items[0].quantity: got 0; must be an integer from 1 to 999999.',
    });
  });

  it.each([
    ['not JSON', 'application/json', '{"mode":'],
    ['no body', 'application/json', ''],
    ['a form', 'application/x-www-form-urlencoded', 'mode=payment'],
  ])('the fake server answers %s with a 400 in the error format', async (_, type, text) => {
    const response = await fetch(`${servers.fake.url}${creating.path}`, {
      method: creating.method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': type },
      body: text,
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.type).toBe('invalid_request_error');
  });

  it('a body the SDK refuses costs no request', async () => {
    const error = await rejection(
      client().checkout.sessions.create({ ...example, mode: 'gift' as 'payment' }),
      ValidationError,
    );
    expect(error.param).toBe('mode');
    expect(servers.fake.requests).toEqual([]);
  });
});

describe('a create, which has no idempotency key in the spec, is never sent twice when it may have been processed', () => {
  it('a 500 surfaces at once, after one request, whatever maxRetries says', async () => {
    servers.fake.fault({ type: 'status', status: 500 });
    await rejection(client({ maxRetries: 3 }).checkout.sessions.create(example), InternalServerError);
    expect(posts()).toHaveLength(1);
  });

  it('a connection reset after the request was sent surfaces at once, after one request', async () => {
    servers.fake.fault({ type: 'reset' });
    await rejection(
      client({ maxRetries: 3, baseUrl: servers.fake.url }).checkout.sessions.create(example),
      APIConnectionError,
    );
    expect(posts()).toHaveLength(1);
  });

  it('a 429 was refused before any work: retried, then the session is created once', async () => {
    servers.fake.fault(
      { type: 'status', status: 429, retryAfterMs: 1 },
      { type: 'status', status: 429, retryAfterMs: 1 },
    );
    const session = await client({ maxRetries: 2 }).checkout.sessions.create(example);
    expect(posts().map((request) => request.outcome)).toEqual(['status 429', 'status 429', 'created']);
    expect(session.object).toBe('checkout.session');
  });

  it('a 429 still refused after the retries surfaces as a RateLimitError', async () => {
    servers.fake.fault(...Array.from({ length: 3 }, () => ({ type: 'status' as const, status: 429, retryAfterMs: 1 })));
    await rejection(client({ maxRetries: 2 }).checkout.sessions.create(example), RateLimitError);
    expect(posts()).toHaveLength(3);
  });

  it('x-should-retry: true on a 503 is the server’s word that nothing was done: retried', async () => {
    servers.fake.fault({ type: 'status', status: 503, retryAfterMs: 1, shouldRetry: true });
    await client({ maxRetries: 1 }).checkout.sessions.create(example);
    expect(posts().map((request) => request.outcome)).toEqual(['status 503', 'created']);
  });

  it('a connection that could not be opened sent nothing: retried', async () => {
    let attempts = 0;
    const refused = await closedPortUrl();
    const fetch = async (request: Request) => {
      attempts++;
      // The first attempt meets a closed port; the next ones reach the server.
      return globalThis.fetch(
        attempts === 1 ? new Request(request.url.replace(servers.fake.url, refused), request) : request,
      );
    };
    const loops = new Loops({ apiKey, baseUrl: servers.fake.url, fetch, maxRetries: 1 });
    await loops.checkout.sessions.create(example);
    expect(attempts).toBe(2);
    expect(posts()).toHaveLength(1);
  });
});
