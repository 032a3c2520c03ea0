import { describe, expect, it } from 'vitest';
import { InternalServerError, NotFoundError, ValidationError } from '../src/index.js';
import { asSent, fakeSession, fakeSessions } from '../src/testing/index.js';
import { testClient } from './support/client.js';
import { rejection } from './support/rejection.js';
import { useServers } from './support/servers.js';

const servers = useServers({ proxy: true });
const proxied = (maxRetries = 0) => testClient({ baseUrl: servers.proxyUrl, maxRetries });

describe('retrieve(id): one session, through Prism proxy', () => {
  it('resolves to the session the API sent, with its request ID', async () => {
    servers.fake.setSessions(fakeSessions(5));
    const wanted = asSent(fakeSessions(5)[2]!);
    const { data: session, requestId } = await proxied().checkout.sessions.retrieve(wanted.id).withResponse();
    expect(session).toEqual(wanted);
    expect(requestId).toMatch(/^req_fake/);
    expect(servers.fake.requests.map((r) => [r.method, r.path])).toEqual([['GET', `/checkout/sessions/${wanted.id}`]]);
    expect(await proxied().checkout.sessions.retrieve(wanted.id)).toEqual(wanted);
  });

  it('percent-encodes the id in the path', async () => {
    const odd = fakeSession(1, { id: 'cs_test_a/b c?d#e%' });
    servers.fake.setSessions([odd]);
    const session = await proxied().checkout.sessions.retrieve(odd.id);
    expect(session.id).toBe(odd.id);
    expect(servers.fake.requests[0]?.path).toBe('/checkout/sessions/cs_test_a%2Fb%20c%3Fd%23e%25');
  });

  it('an unknown id is a NotFoundError that quotes the server', async () => {
    servers.fake.setSessions(fakeSessions(1));
    const error = await rejection(proxied().checkout.sessions.retrieve('cs_test_gone'), NotFoundError);
    expect(error.status).toBe(404);
    expect(error.error?.code).toBe('resource_missing');
    expect(error.message).toMatch(/^404 No such checkout session: 'cs_test_gone'\./);
  });

  it('an empty id is a ValidationError, and nothing is sent', async () => {
    const error = await rejection(proxied().checkout.sessions.retrieve(''), ValidationError);
    expect(error.param).toBe('id');
    expect(error.message).toBe('Invalid `id`: got ""; expected a non-empty string. No request was sent.');
    expect(servers.fake.requests).toHaveLength(0);
  });

  it.each(['.', '..', '\uD800'])(
    'the id %j, which no path can carry, is a ValidationError, and nothing is sent',
    async (id) => {
      const error = await rejection(proxied().checkout.sessions.retrieve(id), ValidationError);
      expect(error.param).toBe('id');
      expect(servers.fake.requests).toHaveLength(0);
    },
  );

  it("a session field named requestId stays the API's", async () => {
    servers.fake.setSessions([{ ...fakeSessions(1)[0]!, requestId: 'from-body' } as never]);
    const session = (await testClient({ baseUrl: servers.fake.url }).checkout.sessions.retrieve(
      fakeSessions(1)[0]!.id,
    )) as {
      requestId?: string;
    };
    expect(session.requestId).toBe('from-body');
  });

  it('an id that is not a string is a ValidationError', async () => {
    await rejection(proxied().checkout.sessions.retrieve(42 as unknown as string), ValidationError);
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('is retried like list, with no retry code of its own: a 503 twice, then the session', async () => {
    servers.fake.setSessions(fakeSessions(2));
    servers.fake.fault(
      { type: 'status', status: 503, retryAfterMs: 1 },
      { type: 'status', status: 503, retryAfterMs: 1 },
    );
    const session = await proxied(2).checkout.sessions.retrieve(fakeSessions(2)[0]!.id);
    expect(session.id).toBe(fakeSessions(2)[0]!.id);
    expect(servers.fake.requests.map((r) => r.outcome)).toEqual(['status 503', 'status 503', 'ok']);
  });

  it('surfaces InternalServerError once retries are spent', async () => {
    servers.fake.setSessions(fakeSessions(1));
    servers.fake.fault(
      { type: 'status', status: 500, retryAfterMs: 1 },
      { type: 'status', status: 500, retryAfterMs: 1 },
    );
    await rejection(proxied(1).checkout.sessions.retrieve(fakeSessions(1)[0]!.id), InternalServerError);
    expect(servers.fake.requests).toHaveLength(2);
  });

  it('times out like list', async () => {
    servers.fake.setSessions(fakeSessions(1));
    servers.fake.fault({ type: 'slow', delayMs: 2_000 });
    const started = performance.now();
    await expect(
      testClient({ baseUrl: servers.fake.url }).checkout.sessions.retrieve(fakeSessions(1)[0]!.id, { timeout: 100 }),
    ).rejects.toThrow('No response within 100 ms');
    expect(performance.now() - started).toBeLessThan(1_500);
  });
});
