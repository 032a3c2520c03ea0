import { describe, expect, it } from 'vitest';
import { type ClientOptions, type ListParams, Loops, type RequestOptions, ValidationError } from '../src/index.js';
import { fakeSessions } from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { rejection, thrown } from './support/rejection.js';
import { useServers } from './support/servers.js';

const servers = useServers({ proxy: false });
const client = (options: ClientOptions = {}) => new Loops({ apiKey, baseUrl: servers.fake.url, ...options });
const list = (params: unknown, options?: unknown) =>
  client().checkout.sessions.list(params as ListParams, options as RequestOptions);

const timeoutRange = 'a number of milliseconds from 1 to 2147483647';
const badTimeouts: [unknown, string][] = [
  [0, 'got 0'],
  [-1, 'got -1'],
  [Number.NaN, 'got NaN'],
  ['abc', 'got "abc"'],
  [Number.POSITIVE_INFINITY, 'got Infinity'],
  [2 ** 31, 'got 2147483648'],
  [null, 'got null'],
];
const badRetries: [unknown, string][] = [
  [Number.NaN, 'got NaN'],
  [Number.POSITIVE_INFINITY, 'got Infinity'],
  [-1, 'got -1'],
  [1.5, 'got 1.5'],
  [11, 'got 11'],
  ['2', 'got "2"'],
];

describe('client options are checked when the client is made', () => {
  it.each(badTimeouts)('timeout %o is refused, naming the option, its range and the value', (timeout, got) => {
    const error = thrown(() => client({ timeout: timeout as number }), ValidationError);
    expect(error.param).toBe('timeout');
    expect(error.message).toBe(`Invalid \`timeout\`: ${got}; expected ${timeoutRange}. No request was sent.`);
  });

  it.each(badRetries)('maxRetries %o is refused, naming the option, its range and the value', (maxRetries, got) => {
    const error = thrown(() => client({ maxRetries: maxRetries as number }), ValidationError);
    expect(error.message).toBe(
      `Invalid \`maxRetries\`: ${got}; expected an integer from 0 to 10. No request was sent.`,
    );
  });

  it.each([0, -1, 1.5, Number.NaN])('maxResponseBytes %o is refused', (maxResponseBytes) => {
    expect(thrown(() => client({ maxResponseBytes }), ValidationError).param).toBe('maxResponseBytes');
  });

  it('accepts the bounds themselves', () => {
    expect(() => client({ timeout: 1, maxRetries: 0 })).not.toThrow();
    expect(() => client({ timeout: 2_147_483_647, maxRetries: 10, maxResponseBytes: 1 })).not.toThrow();
  });

  it.each([null, 42, 'sk_test_x', [apiKey]])('options %o that are not a plain object are refused', (options) => {
    expect(thrown(() => new Loops(options as ClientOptions), ValidationError).param).toBe('options');
  });

  it('a fetch that is not a function is refused', () => {
    expect(thrown(() => client({ fetch: 'fetch' as never }), ValidationError).param).toBe('fetch');
  });
});

describe('per-call options are checked before any request is sent', () => {
  it.each(badTimeouts)('timeout %o is refused with a ValidationError', async (timeout, got) => {
    const error = await rejection(list({}, { timeout }), ValidationError);
    expect(error.message).toBe(`Invalid \`timeout\`: ${got}; expected ${timeoutRange}. No request was sent.`);
    expect(servers.fake.requests).toHaveLength(0);
  });

  it.each(badRetries)('maxRetries %o is refused with a ValidationError', async (maxRetries) => {
    const error = await rejection(list({}, { maxRetries }), ValidationError);
    expect(error.param).toBe('maxRetries');
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('maxRetries: Infinity would have retried without end: now one ValidationError, no request', async () => {
    servers.fake.fault(
      ...Array.from({ length: 20 }, () => ({ type: 'status' as const, status: 503, retryAfterMs: 0 })),
    );
    await rejection(list({}, { maxRetries: Number.POSITIVE_INFINITY }), ValidationError);
    expect(servers.fake.requests).toHaveLength(0);
  });

  it.each([null, 42, 'x', [], new Date()])('params %o that are not a plain object are refused', async (params) => {
    const error = await rejection(list(params), ValidationError);
    expect(error.param).toBe('params');
    expect(error.message).toMatch(
      /^Invalid `params`: got .+; expected a plain object such as \{ limit: 10 \}\. No request was sent\.$/,
    );
    expect(servers.fake.requests).toHaveLength(0);
  });

  it.each([null, 42, 'x', []])('options %o that are not a plain object are refused', async (options) => {
    const error = await rejection(list({}, options), ValidationError);
    expect(error.param).toBe('options');
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('a signal that is not an AbortSignal is refused', async () => {
    expect((await rejection(list({}, { signal: 'stop' }), ValidationError)).param).toBe('signal');
  });

  it('params with a null prototype are plain objects too', async () => {
    servers.fake.setSessions(fakeSessions(3));
    const params = Object.assign(Object.create(null) as object, { limit: 2 });
    expect((await list(params)).data).toHaveLength(2);
  });
});

describe('auto-pagination arguments are checked', () => {
  it.each([undefined, null, 5])('autoPagingToArray(%o) is refused with a ValidationError', async (options) => {
    const toArray = client().checkout.sessions.list().autoPagingToArray as (options: unknown) => Promise<unknown>;
    const error = await rejection(toArray.call(client().checkout.sessions.list(), options), ValidationError);
    expect(error.param).toBe('options');
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('autoPagingEach without a function is refused with a ValidationError', async () => {
    const each = client().checkout.sessions.list().autoPagingEach as (fn: unknown) => Promise<void>;
    const error = await rejection(each.call(client().checkout.sessions.list(), undefined), ValidationError);
    expect(error.param).toBe('fn');
    expect(servers.fake.requests).toHaveLength(0);
  });
});
