import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLoopsServer, type FakeLoopsServer, type Fault, fakeSessions } from '../src/testing/index.js';
import { apiKey } from './support/client.js';

let server: FakeLoopsServer;
beforeAll(async () => {
  server = await createFakeLoopsServer({ apiKey, sessions: fakeSessions(3) });
});
afterEach(() => server.reset());
afterAll(() => server?.close());

const get = () => fetch(`${server.url}/checkout/sessions`, { headers: { authorization: `Bearer ${apiKey}` } });
const status = (more: Record<string, unknown>) => ({ type: 'status', status: 503, ...more });
const cyclic: Record<string, unknown> = { error: { type: 'api_error', message: 'loops' } };
cyclic.self = cyclic;

/** Queues a fault the types would refuse too, as plain JavaScript (or a cast) can. */
const queue = (...faults: unknown[]) => server.fault(...(faults as Fault[]));

describe('fault() refuses, when called, a fault the server could not play, saying why', () => {
  it.each<[string, unknown, RegExp]>([
    ['null', null, /A fault must be an object such as \{ type: 'status', status: 503 \}; got null/],
    ['a string', 'reset', /A fault must be an object .*; got the string "reset"/],
    ['an array of faults', [{ type: 'reset' }], /pass faults as arguments, fault\(a, b\), not as an array/],
    ['a mistyped type', { type: 'stauts', status: 503 }, /Unknown fault type "stauts": .* Did you mean 'status'\?/],
    [
      'a mistyped option',
      status({ retryafter: 2 }),
      /status fault has no option "retryafter"\. Did you mean retryAfter\?/,
    ],
    [
      'another mistyped option',
      { type: 'slow', delay: 5 },
      /slow fault has no option "delay"\. Did you mean delayMs\?/,
    ],
    [
      'an option of another type',
      { type: 'reset', status: 503 },
      /reset fault has no option "status"\. Its options: type\./,
    ],
    ['a status out of range', status({ status: 1000 }), /needs an HTTP status from 200 to 599; got 1000/],
    ['a status below 200', status({ status: 101 }), /needs an HTTP status from 200 to 599; got 101/],
    ['a status that is no integer', status({ status: 503.5 }), /needs an HTTP status from 200 to 599; got 503.5/],
    ['a status as a string', status({ status: '503' }), /needs an HTTP status from 200 to 599; got 503/],
    ['a 2xx status without a body', status({ status: 200 }), /A status fault of 200 needs a body/],
    [
      'a body on a 304',
      status({ status: 304, body: { error: {} } }),
      /A 304 answer has no body \(RFC 9110\): leave body out/,
    ],
    [
      'a BigInt in the body',
      status({ body: { amount: 10n } }),
      /body cannot be sent as JSON \(Do not know how to serialize a BigInt\)/,
    ],
    ['a cyclic body', status({ body: cyclic }), /body cannot be sent as JSON \(Converting circular structure/],
    ['a function as the body', status({ body: () => 'x' }), /JSON has no function/],
    ['a symbol as the body', status({ body: Symbol('x') }), /JSON has no symbol/],
    ['a header name with a space', status({ headers: { 'bad name': 'x' } }), /name "bad name" is not an HTTP token/],
    ['an empty header name', status({ headers: { '': 'x' } }), /name "" is not an HTTP token/],
    [
      'a header value beyond Latin-1',
      status({ headers: { 'x-price': '€5' } }),
      /x-price must be a one-line string of visible ASCII or Latin-1; "€" \(U\+20AC\) at index 0/,
    ],
    [
      'a header value with CR LF',
      status({ headers: { 'x-a': 'one\r\ntwo' } }),
      /x-a must be a one-line string .*; CR \(U\+000D\) at index 3/,
    ],
    [
      'a header value with NUL',
      status({ headers: { 'x-a': 'a\0' } }),
      /x-a must be a one-line string .*; "\\u0000" \(U\+0000\) at index 1/,
    ],
    [
      'a header value that is no string',
      status({ headers: { 'x-a': 5 } }),
      /x-a must be a one-line string .*; got the number 5/,
    ],
    [
      'headers as an array',
      status({ headers: ['x-a: 1'] }),
      /headers must be an object of header names to strings, such as .*; got an array/,
    ],
    [
      'a content-length header',
      status({ headers: { 'Content-Length': '5' } }),
      /Content-Length is set by the fake server from the body/,
    ],
    [
      'a header given twice',
      status({ headers: { 'Retry-After': '1' }, retryAfter: 2 }),
      /retry-after is given twice \(Retry-After in headers, and retryAfter\)/,
    ],
    [
      'retryAfter with CR LF',
      status({ retryAfter: '1\r\nx' }),
      /retryAfter must be whole seconds ≥ 0 or an HTTP date .*; CR \(U\+000D\) at index 1/,
    ],
    [
      'retryAfter in fractions',
      status({ retryAfter: 1.5 }),
      /retryAfter must be whole seconds .*; got the number 1.5\. For a wait under a second, use retryAfterMs/,
    ],
    ['retryAfter below zero', status({ retryAfter: -1 }), /retryAfter must be whole seconds .*; got the number -1/],
    [
      'retryAfterMs below zero',
      status({ retryAfterMs: -1 }),
      /retryAfterMs must be a finite number of milliseconds ≥ 0; got the number -1/,
    ],
    [
      'retryAfterMs infinite',
      status({ retryAfterMs: Number.POSITIVE_INFINITY }),
      /retryAfterMs must be .*; got the number Infinity/,
    ],
    ['retryAfterMs not a number', status({ retryAfterMs: Number.NaN }), /retryAfterMs must be .*; got the number NaN/],
    ['retryAfterMs as a string', status({ retryAfterMs: '5' }), /retryAfterMs must be .*; got the string "5"/],
    [
      'shouldRetry as a string',
      status({ shouldRetry: 'true' }),
      /shouldRetry must be true or false; got the string "true"/,
    ],
    ['shouldRetry as a number', status({ shouldRetry: 1 }), /shouldRetry must be true or false; got the number 1/],
    ['a negative delay', { type: 'slow', delayMs: -1 }, /slow fault needs delayMs ≥ 0 .*; got the number -1/],
    ['an endless delay', { type: 'slow', delayMs: Number.POSITIVE_INFINITY }, /slow fault needs delayMs ≥ 0/],
    ['a delay past what a timer can wait', { type: 'slow', delayMs: 2 ** 31 }, /at most 2147483647/],
  ])('%s', async (_, fault, message) => {
    expect(() => queue(fault)).toThrow(TypeError);
    expect(() => queue(fault)).toThrow(message);
    // Nothing was queued: the next request is answered as usual.
    expect((await get()).status).toBe(200);
  });

  it('queues none of several faults when one is refused, and says which one', async () => {
    expect(() => queue({ type: 'status', status: 429 }, status({ retryafter: 1 }))).toThrow(/^Fault 2: /);
    expect((await get()).status).toBe(200);
  });

  it('createFakeLoopsServer refuses the same faults in its faults option', async () => {
    await expect(
      createFakeLoopsServer({ faults: [status({ headers: { 'bad name': 'x' } }) as Fault] }),
    ).rejects.toThrow(/Fault header name "bad name" is not an HTTP token/);
    await expect(createFakeLoopsServer({ faults: 'reset' as never })).rejects.toThrow(TypeError);
  });
});

describe('fault() plays what it accepts exactly', () => {
  const tchar = fc.constantFrom(...`!#$%&'*+-.^_\`|~abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789`);
  const visibleLatin1 = fc.integer({ min: 0x21, max: 0xff }).filter((c) => c <= 0x7e || c >= 0xa0);
  const fieldValue = fc
    .array(fc.oneof(visibleLatin1, fc.constant(0x20)), { maxLength: 40 })
    .map((codes) => String.fromCharCode(...codes).trim());

  it('any header named by an HTTP token with a visible Latin-1 value reaches the client as given', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: tchar, minLength: 1, maxLength: 20 }), fieldValue, async (suffix, value) => {
        const name = `x-fault-${suffix}`;
        server.fault({ type: 'status', status: 503, headers: { [name]: value } });
        const response = await get();
        expect(response.status).toBe(503);
        expect(response.headers.get(name)).toBe(value);
      }),
      { numRuns: 50 },
    );
  });

  it('any header name with a character outside the HTTP token set is refused', () => {
    const outside = fc.string({ minLength: 1 }).filter((name) => !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(name));
    fc.assert(
      fc.property(outside, (name) => {
        expect(() => server.fault({ type: 'status', status: 503, headers: { [name]: 'x' } })).toThrow(
          /is not an HTTP token/,
        );
      }),
    );
  });

  it('any JSON body is sent as that JSON; any body with a BigInt inside is refused', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.jsonValue().filter((body) => typeof body !== 'string'),
        async (body) => {
          server.fault({ type: 'status', status: 500, body });
          const response = await get();
          expect(response.headers.get('content-type')).toBe('application/json');
          expect(await response.text()).toBe(JSON.stringify(body));
        },
      ),
      { numRuns: 50 },
    );
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true }).filter((value) => {
          try {
            JSON.stringify(value);
            return false;
          } catch {
            return true;
          }
        }),
        (body) => {
          expect(() => server.fault({ type: 'status', status: 500, body })).toThrow(/cannot be sent as JSON/);
        },
      ),
    );
  });

  it.each([204, 205, 304])('a %i fault answers without a body, as HTTP requires', async (code) => {
    server.fault({ type: 'status', status: code });
    const response = await get();
    expect(response.status).toBe(code);
    expect(response.headers.get('content-type')).toBeNull();
    expect(await response.text()).toBe('');
  });

  it('retryAfter as whole seconds, retryAfterMs and shouldRetry are sent as their headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.boolean(),
        async (seconds, ms, retry) => {
          server.fault({ type: 'status', status: 429, retryAfter: seconds, retryAfterMs: ms, shouldRetry: retry });
          const { headers } = await get();
          expect(headers.get('retry-after')).toBe(String(seconds));
          expect(Number(headers.get('retry-after-ms'))).toBe(ms);
          expect(headers.get('x-should-retry')).toBe(String(retry));
        },
      ),
      { numRuns: 30 },
    );
  });
});
