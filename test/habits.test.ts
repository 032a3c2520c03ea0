import type { IncomingHttpHeaders } from 'node:http';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showControlChars } from '../src/control-chars.js';
import { type Logger, Loops, ValidationError, VERSION } from '../src/index.js';
import { fakeSessions } from '../src/testing/index.js';
import { apiKey, testClient } from './support/client.js';
import { withHttpServer } from './support/http-server.js';
import { rejection, thrown } from './support/rejection.js';
import { useServers } from './support/servers.js';
import { cursorParam, knownListParams, limitParam } from './support/spec.js';

const servers = useServers({ proxy: false });

/** A logger that keeps every line, by level. */
function recorder() {
  const lines: { level: string; message: string }[] = [];
  const logger: Logger = {
    debug: (message) => lines.push({ level: 'debug', message }),
    info: (message) => lines.push({ level: 'info', message }),
    warn: (message) => lines.push({ level: 'warn', message }),
    error: (message) => lines.push({ level: 'error', message }),
  };
  return { lines, logger };
}

afterEach(() => vi.unstubAllEnvs());

describe('logging', () => {
  it('at debug, one line per attempt: method, path and query, status, milliseconds, request ID; and each retry, why and how long', async () => {
    servers.fake.setSessions(fakeSessions(3));
    servers.fake.fault({ type: 'status', status: 503, retryAfterMs: 20 });
    const { lines, logger } = recorder();
    await testClient({ baseUrl: servers.fake.url, logLevel: 'debug', logger, maxRetries: 1 }).checkout.sessions.list({
      [limitParam]: 2,
    });
    expect(lines.map((line) => line.level)).toEqual(['debug', 'warn', 'debug']);
    expect(lines[0]!.message).toMatch(
      new RegExp(
        `^\\[loops\\] GET /checkout/sessions\\?${limitParam}=2 → 503 in \\d+ ms \\(request ID: req_fake\\d+\\)$`,
      ),
    );
    expect(lines[1]!.message).toMatch(
      /^\[loops\] GET \/checkout\/sessions\?\w+=2: retry 1 of 1 in 20 ms, after 503 Scripted fault/,
    );
    expect(lines[2]!.message).toMatch(/→ 200 in \d+ ms \(request ID: req_fake\d+\)$/);
  });

  it('at the default level (warn) logs retries only, to console.warn', async () => {
    servers.fake.setSessions(fakeSessions(1));
    servers.fake.fault({ type: 'status', status: 500, retryAfterMs: 1 });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => {});
    try {
      await testClient({ baseUrl: servers.fake.url, maxRetries: 1 }).checkout.sessions.list();
      expect(warn).toHaveBeenCalledTimes(1);
      expect(debug).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      debug.mockRestore();
    }
  });

  it('takes its level from LOOPS_LOG, and off means nothing', async () => {
    servers.fake.setSessions(fakeSessions(1));
    vi.stubEnv('LOOPS_LOG', 'off');
    servers.fake.fault({ type: 'status', status: 500, retryAfterMs: 1 });
    const { lines, logger } = recorder();
    await testClient({ baseUrl: servers.fake.url, logger, maxRetries: 1 }).checkout.sessions.list();
    expect(lines).toEqual([]);
    vi.stubEnv('LOOPS_LOG', 'loud');
    expect(thrown(() => testClient({ logger }), ValidationError).message).toBe(
      'Invalid `LOOPS_LOG`: got "loud"; expected one of off, error, warn, info, debug. No request was sent.',
    );
  });

  it('never writes the key, not even when a caller puts it in a query parameter', async () => {
    // The fake server would refuse the unknown parameter: two scripted answers stand in for the API.
    const list = { object: 'list', data: [], has_more: false, url: '/api/v3/checkout/sessions' };
    servers.fake.fault({ type: 'status', status: 500, retryAfterMs: 1 }, { type: 'status', status: 200, body: list });
    const { lines, logger } = recorder();
    const loops = new Loops({ apiKey, baseUrl: servers.fake.url, logLevel: 'debug', logger, maxRetries: 1 });
    await loops.checkout.sessions.list({}, { query: { leaked: apiKey } });
    expect(lines.length).toBe(3);
    for (const { message } of lines) expect(message).not.toContain(apiKey.slice(8));
  });

  it('a logger that throws, or rejects, is ignored: the call goes on and succeeds', async () => {
    servers.fake.setSessions(fakeSessions(2));
    servers.fake.fault({ type: 'status', status: 503, retryAfterMs: 1 });
    const broken = new Error('log stream closed');
    const logger: Logger = {
      debug: () => {
        throw broken;
      },
      info: () => {},
      warn: (() => Promise.reject(broken)) as unknown as Logger['warn'],
      error: () => {},
    };
    const loops = testClient({ baseUrl: servers.fake.url, logLevel: 'debug', logger, maxRetries: 1 });
    expect((await loops.checkout.sessions.list()).data).toHaveLength(2);
    expect(servers.fake.requests).toHaveLength(2);
  });

  it("a server's message with line breaks and escape sequences stays on one line, its controls shown as escapes", async () => {
    servers.fake.setSessions(fakeSessions(1));
    const message = 'down\r\n[loops] GET /checkout/sessions → 200 in 1 ms\x1b]0;pwned\x07\u202e';
    servers.fake.fault({
      type: 'status',
      status: 503,
      retryAfterMs: 1,
      body: { error: { type: 'api_error', message } },
    });
    const { lines, logger } = recorder();
    await testClient({ baseUrl: servers.fake.url, logger, maxRetries: 1 }).checkout.sessions.list();
    expect(lines).toHaveLength(1);
    expect(lines[0]!.message).toContain(
      'after 503 down\\x0d\\x0a[loops] GET /checkout/sessions → 200 in 1 ms\\x1b]0;pwned\\x07\\u202e',
    );
    // Nothing left for the escaping to show: no control character at all.
    expect(showControlChars(lines[0]!.message)).toBe(lines[0]!.message);
  });

  it('a request ID with escape sequences cannot reach the terminal through a debug line', async () => {
    const page = { object: 'list', data: [], has_more: false, url: '/api/v3/checkout/sessions' };
    const fetch = async () => Response.json(page, { headers: { 'x-request-id': 'req_1\x1b]0;pwned\x07\x9b2J' } });
    const { lines, logger } = recorder();
    await testClient({ fetch, logLevel: 'debug', logger }).checkout.sessions.list();
    expect(lines[0]!.message).toMatch(/\(request ID: req_1\\x1b]0;pwned\\x07\\x9b2J\)$/);
  });

  it('refuses a logger without the four methods', () => {
    expect(thrown(() => testClient({ logger: { warn() {} } as unknown as Logger }), ValidationError).param).toBe(
      'logger',
    );
  });
});

// Extra query parameters the spec does not declare: names it can never hold, whatever filters it adds.
const extraName = `${knownListParams.join('_')}_extra`;
const otherExtra = `${extraName}_flag`;

// A lone surrogate cannot be percent-encoded: the SDK refuses it (tested apart).
const loneSurrogate = /\p{Cs}/u;

describe('headers and query parameters', () => {
  async function seen(options: ConstructorParameters<typeof Loops>[0], call: (loops: Loops) => Promise<unknown>) {
    const requests: { url: string; headers: IncomingHttpHeaders }[] = [];
    await withHttpServer(
      (req, res) => {
        requests.push({ url: req.url ?? '', headers: req.headers });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ object: 'list', data: [], has_more: false, url: '/api/v3/checkout/sessions' }));
      },
      ({ url }) => call(testClient({ ...options, baseUrl: url })),
    );
    return requests;
  }

  it('sends defaultHeaders on every call and per-call headers over them, under the key', async () => {
    const requests = await seen({ defaultHeaders: { 'X-Team': 'billing', 'X-Trace': 'a' } }, (loops) =>
      loops.checkout.sessions.list({}, { headers: { 'X-Trace': 'b' } }),
    );
    expect(requests[0]!.headers['x-team']).toBe('billing');
    expect(requests[0]!.headers['x-trace']).toBe('b');
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${apiKey}`);
  });

  it.each(['Authorization', 'authorization', 'AUTHORIZATION'])('neither can set %s', async (name) => {
    expect(thrown(() => testClient({ defaultHeaders: { [name]: 'Bearer other' } }), ValidationError).param).toBe(
      'defaultHeaders',
    );
    const error = await rejection(
      testClient().checkout.sessions.list({}, { headers: { [name]: 'x' } }),
      ValidationError,
    );
    expect(error.param).toBe('headers');
  });

  it('sends extra query parameters as given, unchecked, names and values percent-encoded', async () => {
    const requests = await seen({}, (loops) =>
      loops.checkout.sessions.list({ [limitParam]: 5 }, { query: { [extraName]: 'cus_1', [otherExtra]: true } }),
    );
    const query = new URL(requests[0]!.url, 'http://x').searchParams;
    expect(query.get(extraName)).toBe('cus_1');
    expect(query.get(otherExtra)).toBe('true');
    expect(query.get(limitParam)).toBe('5');
  });

  it("refuses an extra query parameter the spec declares: it goes in params, where the spec's rules check it", async () => {
    for (const name of knownListParams) {
      const error = await rejection(
        testClient().checkout.sessions.list({}, { query: { [name]: 99 } }),
        ValidationError,
      );
      expect(error.message).toBe(
        `Invalid \`query.${name}\`: \`${name}\` is declared: pass it in params; expected a parameter the spec does not declare. No request was sent.`,
      );
    }
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('no extra name or value can add, replace or cut off a parameter: each arrives exactly as given', async () => {
    const smuggling = [
      { [`a&${limitParam}`]: '7' },
      { 'x#y': '1' },
      { [`${limitParam}=3&x`]: 'y' },
      { q: `1&${limitParam}=99#frag` },
      { __proto__: 'p', 'a b+c': 'd e+f', 'é/?': '%41' },
    ];
    const names = fc
      .string({ minLength: 1, unit: 'grapheme' })
      .filter((name) => !knownListParams.includes(name) && !loneSurrogate.test(name));
    const values = fc.oneof(
      fc.string({ unit: 'grapheme' }).filter((value) => !loneSurrogate.test(value)),
      fc.integer(),
      fc.boolean(),
    );
    const drawn = fc.sample(fc.dictionary(names, values, { minKeys: 1, maxKeys: 4 }), { numRuns: 40, seed: 17 });
    for (const extra of [...smuggling, ...drawn]) {
      const params = { [limitParam]: 5, [cursorParam]: 'cs_test_cursor' };
      const requests = await seen({}, (loops) =>
        loops.checkout.sessions.list(params, { query: JSON.parse(JSON.stringify(extra)) }),
      );
      const received = [...new URL(requests[0]!.url, 'http://x').searchParams];
      const sent = Object.entries({ ...params, ...extra }).map(([name, value]) => [name, String(value)]);
      expect(received.sort()).toEqual(sent.sort());
    }
  });

  it('refuses a lone surrogate, which no URL can carry, in an extra name or value or a known parameter', async () => {
    const lone = '\ud800';
    const calls = [
      testClient().checkout.sessions.list({}, { query: { [`a${lone}`]: 'x' } }),
      testClient().checkout.sessions.list({}, { query: { a: `x${lone}` } }),
      testClient().checkout.sessions.list({ [cursorParam]: `cs_${lone}` }),
    ];
    for (const call of calls) await rejection(call, ValidationError);
    expect(servers.fake.requests).toHaveLength(0);
  });

  it('keeps the extra query on the next pages of a walk', async () => {
    const requests: string[] = [];
    await withHttpServer(
      (req, res) => {
        requests.push(req.url ?? '');
        const more = requests.length === 1;
        const data = fakeSessions(2).slice(more ? 0 : 1, more ? 1 : 2);
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ object: 'list', data, has_more: more, url: '/api/v3/checkout/sessions' }));
      },
      async ({ url }) => {
        for await (const _ of testClient({ baseUrl: url }).checkout.sessions.list(
          {},
          { query: { [extraName]: 'cus_1' } },
        ))
          void _;
      },
    );
    expect(requests).toHaveLength(2);
    const second = new URL(requests[1]!, 'http://x').searchParams;
    expect(second.get(extraName)).toBe('cus_1');
    expect(second.get(cursorParam)).toBe(fakeSessions(2)[0]!.id);
  });

  it('refuses query values that are not strings, numbers or booleans', async () => {
    const error = await rejection(
      testClient().checkout.sessions.list({}, { query: { nested: {} as never } }),
      ValidationError,
    );
    expect(error.param).toBe('query.nested');
  });
});

describe('withResponse()', () => {
  it('gives the first page with the final Response and its request ID', async () => {
    servers.fake.setSessions(fakeSessions(3));
    const { data, response, requestId } = await testClient({ baseUrl: servers.fake.url })
      .checkout.sessions.list({ [limitParam]: 2 })
      .withResponse();
    expect(data.data).toHaveLength(2);
    expect(response).toBeInstanceOf(Response);
    expect(response.status).toBe(200);
    expect(response.bodyUsed).toBe(true);
    expect(requestId).toBe(response.headers.get('x-request-id'));
  });

  it('gives the retrieved session with the Response of the last attempt', async () => {
    servers.fake.setSessions(fakeSessions(2));
    servers.fake.fault({ type: 'status', status: 503, retryAfterMs: 1 });
    const { data, response, requestId } = await testClient({ baseUrl: servers.fake.url, maxRetries: 1 })
      .checkout.sessions.retrieve(fakeSessions(2)[0]!.id)
      .withResponse();
    expect(data.id).toBe(fakeSessions(2)[0]!.id);
    expect(response.status).toBe(200);
    expect(requestId).toBe(servers.fake.requests[1]?.outcome === 'ok' ? response.headers.get('x-request-id') : 'wrong');
  });

  it('rejects withResponse() as the call does, and leaves no unhandled rejection behind', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await rejection(
        testClient({ baseUrl: servers.fake.url }).checkout.sessions.retrieve('').withResponse(),
        ValidationError,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });
});

describe('identity', () => {
  it('exports VERSION from package.json and sends it in the User-Agent on Node', async () => {
    const pkg = await import('../package.json', { with: { type: 'json' } });
    expect(VERSION).toBe(pkg.default.version);
    const requests = await new Promise<IncomingHttpHeaders[]>((resolve, reject) => {
      const all: IncomingHttpHeaders[] = [];
      withHttpServer(
        (req, res) => {
          all.push(req.headers);
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ object: 'list', data: [], has_more: false, url: '/' }));
        },
        ({ url }) => testClient({ baseUrl: url }).checkout.sessions.list(),
      ).then(() => resolve(all), reject);
    });
    expect(requests[0]!['user-agent']).toBe(`loops-checkout-js/${VERSION} (node/${process.versions.node})`);
  });

  it('sends no User-Agent of its own in a browser, where it would cost a CORS preflight', async () => {
    vi.stubGlobal('document', {});
    try {
      const { userAgent } = await import('../src/identity.js');
      expect(userAgent()).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
