import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type Fetch,
  InternalServerError,
  Loops,
  LoopsError,
} from '../src/index.js';
import { fakeSessions } from '../src/testing/index.js';
import { apiKey, testClient } from './support/client.js';
import { closedPortUrl, withHttpServer } from './support/http-server.js';
import { rejection } from './support/rejection.js';
import { transport } from './support/transport.js';

const listBody = JSON.stringify({
  object: 'list',
  data: fakeSessions(2),
  has_more: false,
  url: '/api/v3/checkout/sessions',
});

/** A fetch that counts its calls before handing them to the real one. */
function countingFetch(inner: Fetch = (request) => globalThis.fetch(request)) {
  const fetch = vi.fn<Fetch>(inner);
  return fetch;
}

describe('only failures to reach the server are retried', () => {
  it('a refused connection is an APIConnectionError, retried maxRetries times', async () => {
    const fetch = countingFetch();
    const baseUrl = await closedPortUrl();
    const error = await rejection(
      testClient({ baseUrl, fetch, maxRetries: 2 }).checkout.sessions.list({}, { maxRetries: 2 }),
      APIConnectionError,
    );
    expect(error.message).toMatch(
      /^Could not reach the API \(fetch failed: connect ECONNREFUSED 127\.0\.0\.1:\d+\): check the network and `baseUrl`\.$/,
    );
    expect(fetch).toHaveBeenCalledTimes(3);
  });

  it('a bug in a custom fetch is a LoopsError with the original as cause, after one attempt', async () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'get')");
    const fetch = countingFetch(async () => {
      throw bug;
    });
    const error = await rejection(testClient({ fetch, maxRetries: 2 }).checkout.sessions.list(), LoopsError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(error.cause).toBe(bug);
    expect(error.message).toBe(
      "The request failed, and not for want of a network (Cannot read properties of undefined (reading 'get')): a malformed request or response, or a bug in the transport (`fetch`, or node:http on Node); not retried. See `cause`.",
    );
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a port that fetch refuses to use (port 9) is not retried as a network failure', async () => {
    const fetch = countingFetch();
    const error = await rejection(
      testClient({ baseUrl: 'http://127.0.0.1:9', fetch, maxRetries: 2 }).checkout.sessions.list(),
      LoopsError,
    );
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain('(fetch failed: bad port)');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('a header that fetch cannot send is a LoopsError, not a connection error, and is not retried', async () => {
    const fetch = countingFetch();
    const loops = testClient({ baseUrl: 'https://api.loops.fi/api/v3', fetch, maxRetries: 2 });
    loops.raw.use({ onRequest: ({ request }) => new Request(request, { headers: { 'x-broken': 'a\r\nb' } }) });
    const error = await rejection(loops.checkout.sessions.list(), LoopsError);
    expect(error).not.toBeInstanceOf(APIConnectionError);
    expect(error.message).toContain('is an invalid header value');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('a connection reset by a custom fetch (code ECONNRESET) is retried', async () => {
    let calls = 0;
    const fetch: Fetch = async () => {
      if (++calls === 1) throw Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
      return new Response(listBody, { headers: { 'content-type': 'application/json' } });
    };
    const page = await testClient({ fetch, maxRetries: 1 }).checkout.sessions.list({}, { timeout: 1_000 });
    expect(page.data).toHaveLength(2);
    expect(calls).toBe(2);
  });

  it("Deno's refused connection (TypeError 'fetch failed', caused by 'error sending request') is retried", async () => {
    const fetch = countingFetch(async () => {
      const cause = new Error('error sending request for url (http://127.0.0.1:1/): client error (Connect)');
      throw new TypeError('fetch failed', { cause });
    });
    await rejection(
      testClient({ fetch, maxRetries: 1 }).checkout.sessions.list({}, { maxRetries: 1 }),
      APIConnectionError,
    );
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each(['Failed to fetch', 'NetworkError when attempting to fetch resource.', 'Load failed'])(
    "a browser's bare TypeError('%s') counts as a network failure",
    async (message) => {
      const fetch = countingFetch(async () => {
        throw new TypeError(message);
      });
      await rejection(
        testClient({ fetch, maxRetries: 1 }).checkout.sessions.list({}, { maxRetries: 1 }),
        APIConnectionError,
      );
      expect(fetch).toHaveBeenCalledTimes(2);
    },
  );
});

describe('an answer fetch cannot parse is not a network failure', () => {
  it('response headers over the limit are a LoopsError after one attempt, not a retried connection error', async () => {
    let requests = 0;
    await withHttpServer(
      (_req, res) => {
        requests++;
        res.writeHead(200, { 'x-huge': 'a'.repeat(20_000), 'content-type': 'application/json' });
        res.end(listBody);
      },
      async ({ url }) => {
        const error = await rejection(testClient({ baseUrl: url, maxRetries: 2 }).checkout.sessions.list(), LoopsError);
        expect(error).not.toBeInstanceOf(APIConnectionError);
        expect(error.message).toContain(transport === 'fetch' ? 'Headers Overflow' : 'Header overflow');
      },
    );
    expect(requests).toBe(1);
  });
});

describe('an answer that is not HTTP is a connection error, as a user checking instanceof expects', () => {
  /** A TCP server that answers each connection's first bytes with reply, as a server of another protocol would. */
  async function withRawServer(reply: string, work: (url: string, connections: () => number) => Promise<void>) {
    let connections = 0;
    const server = createNetServer((socket) => {
      connections++;
      socket.once('data', () => socket.end(reply));
      socket.on('error', () => {});
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      await work(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, () => connections);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  }

  it.each([
    ['an SSH banner', 'SSH-2.0-OpenSSH_9.6\r\n'],
    ['an SMTP greeting', '220 mail.example.com ESMTP ready\r\n'],
    ['a reply in no protocol at all', '\u0000\u0001garbage'],
  ])('%s: an APIConnectionError naming baseUrl, retried maxRetries times', async (_, reply) => {
    await withRawServer(reply, async (url, connections) => {
      const error = await rejection(
        testClient({ baseUrl: url, maxRetries: 1 }).checkout.sessions.list({}, { maxRetries: 1 }),
        APIConnectionError,
      );
      // What the transport's parser says of it: undici's through fetch, node:http's own.
      const said = transport === 'fetch' ? 'fetch failed: .+' : 'Parse Error: .+';
      expect(error.message).toMatch(
        new RegExp(
          `^The server's answer is not HTTP, or was cut short \\(${said}\\): check \`baseUrl\` \\(its host and port, https: or http:\\)\\.$`,
        ),
      );
      expect(connections()).toBe(2);
    });
  });
});

describe('the timeout is enforced by the SDK, not only by the signal it hands to fetch', () => {
  const ignoresSignal: Fetch = () => new Promise<Response>(() => {});

  it('a fetch that ignores its signal still rejects with APIConnectionTimeoutError on time', async () => {
    const started = performance.now();
    const error = await rejection(
      testClient({ fetch: ignoresSignal, timeout: 100 }).checkout.sessions.list(),
      APIConnectionTimeoutError,
    );
    const elapsed = performance.now() - started;
    expect(error.message).toBe('No response within 100 ms: raise `timeout`?');
    expect(elapsed).toBeGreaterThanOrEqual(95);
    expect(elapsed).toBeLessThan(1_000);
  });

  it('and is retried like any timeout', async () => {
    const fetch = countingFetch(ignoresSignal);
    await rejection(
      testClient({ fetch, timeout: 30, maxRetries: 1 }).checkout.sessions.list({}, { maxRetries: 1 }),
      APIConnectionTimeoutError,
    );
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('your signal stops such a fetch at once, with APIUserAbortError', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const started = performance.now();
    await rejection(
      testClient({ fetch: ignoresSignal, timeout: 60_000 }).checkout.sessions.list({}, { signal: controller.signal }),
      APIUserAbortError,
    );
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('response bodies are bounded by maxResponseBytes', () => {
  /** A server that streams a body of chunks without a length until the client hangs up, counting what it wrote. */
  async function endlessBody(
    status: number,
    work: (url: string, written: () => number) => Promise<void>,
  ): Promise<void> {
    let written = 0;
    await withHttpServer(
      (_req, res) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (!res.destroyed && written < 50 * 1024 * 1024) {
            written += chunk.length;
            if (!res.write(chunk)) return void res.once('drain', pump);
          }
          res.end();
        };
        res.write('{"object":"list","data":[');
        pump();
      },
      (server) => work(server.url, () => written),
    );
  }

  it('a 50 MB body without a length is cut off at the bound, unread past it, with an APIError that says so', async () => {
    await endlessBody(200, async (baseUrl, written) => {
      const loops = testClient({ baseUrl, maxResponseBytes: 256 * 1024 });
      const error = await rejection(loops.checkout.sessions.list(), APIError);
      expect(error.status).toBe(200);
      expect(error.message).toBe(
        '200 Response body larger than maxResponseBytes (262144 bytes): cut off unread. Raise `maxResponseBytes` or ask for smaller pages (`limit`).',
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      // What the server got out before the client hung up: the bound plus socket buffers, not 50 MB.
      expect(written()).toBeLessThan(16 * 1024 * 1024);
    });
  });

  it('an error body is bounded too, and the per-call option overrides the client', async () => {
    await endlessBody(500, async (baseUrl) => {
      const loops = testClient({ baseUrl });
      const error = await rejection(loops.checkout.sessions.list({}, { maxResponseBytes: 1024 }), APIError);
      expect(error).not.toBeInstanceOf(InternalServerError);
      expect(error.message).toContain('Response body larger than maxResponseBytes (1024 bytes)');
    });
  });

  it('a declared Content-Length above the bound is refused before reading', async () => {
    await withHttpServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(listBody.length) });
        res.end(listBody);
      },
      async ({ url }) => {
        const loops = testClient({ baseUrl: url, maxResponseBytes: listBody.length - 1 });
        await rejection(loops.checkout.sessions.list(), APIError);
        const fits = testClient({ baseUrl: url, maxResponseBytes: listBody.length });
        expect((await fits.checkout.sessions.list()).data).toHaveLength(2);
      },
    );
  });

  it('the raw client is bounded by the client option too', async () => {
    await endlessBody(200, async (baseUrl) => {
      const loops = testClient({ baseUrl, maxResponseBytes: 4096 });
      await expect(loops.raw.GET('/checkout/sessions', { parseAs: 'text' })).rejects.toThrow(
        'Response body larger than maxResponseBytes (4096 bytes)',
      );
    });
  });
});

describe('where the key may go', () => {
  it.each([
    ['https://user:pass@api.loops.fi/api/v3', 'https://***@api.loops.fi/api/v3', 'it carries a user name or password'],
    ['http://127.0.0.1:4010?x=1', 'http://127.0.0.1:4010?x=1', 'it has a query (?…) or fragment (#…)'],
    ['https://api.loops.fi/api/v3#top', 'https://api.loops.fi/api/v3#top', 'it has a query (?…) or fragment (#…)'],
    [
      'http://127.0.0.1.evil.test',
      'http://127.0.0.1.evil.test',
      'your key goes only to an https: URL (or http: on localhost)',
    ],
    ['http://localhost.', 'http://localhost.', 'your key goes only to an https: URL (or http: on localhost)'],
  ])('refuses the base URL %s, showing it as %s', (baseUrl, shown, why) => {
    expect(() => new Loops({ apiKey, baseUrl })).toThrow(`Refusing baseUrl ${shown}: ${why}`);
  });

  it.each(['http://127.1:4010', 'http://127.255.0.9', 'http://localhost:8080/api/v3/'])(
    'accepts the loopback base URL %s',
    (baseUrl) => {
      expect(() => new Loops({ apiKey, baseUrl })).not.toThrow();
    },
  );

  it('loops.raw refuses a per-call plain-http baseUrl to a remote host before sending, even with a per-call fetch', async () => {
    const fetch = vi.fn<Fetch>();
    const loops = new Loops({ apiKey, fetch });
    const baseUrl = 'http://api.example.com';
    await expect(loops.raw.GET('/checkout/sessions', { baseUrl })).rejects.toThrow(LoopsError);
    await expect(loops.raw.GET('/checkout/sessions', { baseUrl, fetch })).rejects.toThrow(
      'Refusing to send a request to http://api.example.com/checkout/sessions: your key goes only to an https: URL (or http: on localhost). Nothing was sent.',
    );
    expect(fetch).not.toHaveBeenCalled();
  });

  it('loops.raw sends nothing to a per-call baseUrl with credentials', async () => {
    const fetch = vi.fn<Fetch>();
    const loops = new Loops({ apiKey, fetch });
    // Node's Request refuses such a URL itself; elsewhere the SDK's check does.
    await expect(loops.raw.GET('/checkout/sessions', { baseUrl: 'https://user:pw@api.example.com' })).rejects.toThrow();
    expect(fetch).not.toHaveBeenCalled();
  });

  it('loops.raw still sends to an https per-call baseUrl', async () => {
    const fetch = vi.fn<Fetch>(async () => new Response(listBody, { headers: { 'content-type': 'application/json' } }));
    const { data } = await new Loops({ apiKey, fetch }).raw.GET('/checkout/sessions', {
      baseUrl: 'https://eu.api.loops.fi/api/v3',
    });
    expect(data?.data).toHaveLength(2);
    expect(fetch.mock.calls[0]?.[0].url).toBe('https://eu.api.loops.fi/api/v3/checkout/sessions');
  });
});
