/**
 * What reaches the server, and what comes back, whichever transport the SDK sends through: this
 * file runs in both projects of vitest.config.ts (node:http, the default on Node, and fetch).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants, createGzip, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { operationMetadata } from '../generated/operations.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  type CheckoutSessionCreateParams,
  type ClientOptions,
  ValidationError,
} from '../src/index.js';
import { nodeHttpAllowed } from '../src/node-http.js';
import { fakeSessions } from '../src/testing/index.js';
import { bodyExamples } from './support/bodies.js';
import { testClient } from './support/client.js';
import { closedPortUrl, withHttpServer } from './support/http-server.js';
import { rejection, thrown } from './support/rejection.js';
import { transport } from './support/transport.js';

const list = { object: 'list', data: fakeSessions(2), has_more: false, url: '/api/v3/checkout/sessions' };
const listText = JSON.stringify(list);
const creating = operationMetadata.createCheckoutSession;
const example = Object.values(
  bodyExamples(creating.method.toLowerCase(), creating.path),
)[0] as CheckoutSessionCreateParams;

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

/** Answers every request with the list, keeping what arrived, and counts connections. */
async function withListServer(
  work: (url: string, seen: { headers: IncomingHttpHeaders[]; connections: number }) => Promise<void>,
  answer: (res: ServerResponse) => void = (res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(listText) });
    res.end(listText);
  },
) {
  const seen = { headers: [] as IncomingHttpHeaders[], connections: 0 };
  await withHttpServer(
    (req, res) => {
      seen.headers.push(req.headers);
      answer(res);
    },
    async ({ url, server }) => {
      server.on('connection', () => seen.connections++);
      await work(url, seen);
    },
  );
}

// Node's fetch sends `sec-fetch-mode: cors` with every request; node:http sends no such header.
const sentBy = (headers: IncomingHttpHeaders) => (headers['sec-fetch-mode'] === 'cors' ? 'fetch' : 'node:http');

describe('the transport', () => {
  it(`is ${transport} in this run, and fetch whenever nodeHttp is false or a fetch is given`, async () => {
    await withListServer(async (baseUrl, seen) => {
      await testClient({ baseUrl }).checkout.sessions.list();
      await testClient({ baseUrl, nodeHttp: false }).checkout.sessions.list();
      await testClient({ baseUrl, fetch: (request) => globalThis.fetch(request) }).checkout.sessions.list();
      expect(seen.headers.map(sentBy)).toEqual([transport, 'fetch', 'fetch']);
    });
  });

  it('is fetch when LOOPS_NODE_HTTP is 0 or false, and a value of another kind is refused, naming it', async () => {
    await withListServer(async (baseUrl, seen) => {
      for (const off of ['0', 'false', 'FALSE']) {
        vi.stubEnv('LOOPS_NODE_HTTP', off);
        await testClient({ baseUrl }).checkout.sessions.list();
      }
      // The option wins over the environment.
      await testClient({ baseUrl, nodeHttp: true }).checkout.sessions.list();
      expect(seen.headers.map(sentBy)).toEqual(['fetch', 'fetch', 'fetch', 'node:http']);
    });
    vi.stubEnv('LOOPS_NODE_HTTP', 'no');
    expect(thrown(() => testClient(), ValidationError).message).toBe(
      'Invalid `LOOPS_NODE_HTTP`: got "no"; expected 1, true, 0 or false. No request was sent.',
    );
    vi.unstubAllEnvs();
    const error = thrown(() => testClient({ nodeHttp: 'yes' } as unknown as ClientOptions), ValidationError);
    expect(error.message).toBe('Invalid `nodeHttp`: got "yes"; expected true or false. No request was sent.');
  });

  it("is fetch with NODE_USE_ENV_PROXY set, which Node's fetch honours (its agents later, if at all)", async () => {
    await withListServer(async (baseUrl, seen) => {
      vi.stubEnv('NODE_USE_ENV_PROXY', '1');
      await testClient({ baseUrl }).checkout.sessions.list();
      expect(seen.headers.map(sentBy)).toEqual(['fetch']);
    });
  });

  it('is a replaced global fetch, which sees every call, as soon as it is replaced', async () => {
    await withListServer(async (baseUrl, seen) => {
      const loops = testClient({ baseUrl });
      const nodeFetch = globalThis.fetch;
      const replaced = vi.fn((input: RequestInfo | URL, init?: RequestInit) => nodeFetch(input, init));
      vi.stubGlobal('fetch', replaced);
      await loops.checkout.sessions.list();
      expect(replaced).toHaveBeenCalledTimes(1);
      expect(seen.headers.map(sentBy)).toEqual(['fetch']);
    });
  });

  it("is fetch while a dispatcher of the program's is installed (a proxy, a mock, an Agent of its own), which only fetch uses", () => {
    const key = Symbol.for('undici.globalDispatcher.1');
    const global = globalThis as Record<symbol, unknown>;
    const before = global[key];
    class ProxyAgent {}
    class Agent {
      dispatch() {
        throw new Error('handler must be an object');
      }
    }
    try {
      global[key] = new ProxyAgent();
      expect(nodeHttpAllowed()).toBe(false);
      global[key] = new Agent();
      expect(nodeHttpAllowed()).toBe(false);
      global[key] = undefined;
      expect(nodeHttpAllowed()).toBe(true);
    } finally {
      global[key] = before;
    }
  });

  it("stays on its transport after a fetch of the program's own, which installs Node's default Agent", async () => {
    await withListServer(async (baseUrl, seen) => {
      await (await globalThis.fetch(`${baseUrl}/checkout/sessions`)).text();
      expect((globalThis as Record<symbol, object>)[Symbol.for('undici.globalDispatcher.1')]).toBeDefined();
      await testClient({ baseUrl }).checkout.sessions.list();
      expect(seen.headers.map(sentBy)).toEqual(['fetch', transport]);
    });
  });

  it('keeps its connections alive: node:http sends sequential calls on one, fetch on one or two', async () => {
    await withListServer(async (baseUrl, seen) => {
      const loops = testClient({ baseUrl });
      for (let i = 0; i < 10; i++) await loops.checkout.sessions.list();
      expect(seen.headers).toHaveLength(10);
      // Node's fetch may start the next request before it has taken the connection back from the last.
      if (transport === 'node:http') expect(seen.connections).toBe(1);
      else expect(seen.connections).toBeLessThanOrEqual(2);
    });
  });

  it('goes through openapi-fetch while middleware of yours sits on loops.raw, so that it sees the SDK calls', async () => {
    await withListServer(async (baseUrl, seen) => {
      const loops = testClient({ baseUrl });
      const middleware = { onRequest: vi.fn() };
      loops.raw.use(middleware);
      await loops.checkout.sessions.list();
      expect(middleware.onRequest).toHaveBeenCalledTimes(1);
      loops.raw.eject(middleware);
      await loops.checkout.sessions.list();
      expect(middleware.onRequest).toHaveBeenCalledTimes(1);
      expect(seen.headers.map(sentBy)).toEqual(['fetch', transport]);
    });
  });
});

describe('a request the SDK stops closes its connection', () => {
  /** A server that keeps every request waiting, after writing the head of an answer when asked to. */
  async function withStalledServer(writeHead: boolean, work: (url: string, closed: () => number) => Promise<void>) {
    let closed = 0;
    await withHttpServer(
      (req: IncomingMessage, res: ServerResponse) => {
        req.socket.on('close', () => closed++);
        if (!writeHead) return;
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"object":"list","data":[');
      },
      (server) => work(server.url, () => closed),
    );
  }

  it('on your signal, with APIUserAbortError', async () => {
    await withStalledServer(false, async (baseUrl, closed) => {
      const controller = new AbortController();
      const call = testClient({ baseUrl }).checkout.sessions.list({}, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await rejection(call, APIUserAbortError);
      await vi.waitFor(() => expect(closed()).toBe(1));
    });
  });

  it('on its timeout, with APIConnectionTimeoutError', async () => {
    await withStalledServer(false, async (baseUrl, closed) => {
      await rejection(testClient({ baseUrl, timeout: 100 }).checkout.sessions.list(), APIConnectionTimeoutError);
      await vi.waitFor(() => expect(closed()).toBe(1));
    });
  });

  it('on its timeout while the body stalls, the head already received', async () => {
    await withStalledServer(true, async (baseUrl, closed) => {
      const error = await rejection(
        testClient({ baseUrl, timeout: 200 }).checkout.sessions.list(),
        APIConnectionTimeoutError,
      );
      expect(error.message).toBe('No response within 200 ms: raise `timeout`?');
      await vi.waitFor(() => expect(closed()).toBe(1));
    });
  });
});

describe('failures to reach the server', () => {
  it('a refused connection is an APIConnectionError; even a create() is retried, since nothing was sent', async () => {
    const lines: string[] = [];
    const logger = { debug: (line: string) => lines.push(line), info() {}, warn() {}, error() {} };
    const loops = testClient({ baseUrl: await closedPortUrl(), maxRetries: 1, logLevel: 'debug', logger });
    const error = await rejection(loops.checkout.sessions.create(example), APIConnectionError);
    expect(error.message).toMatch(/^Could not reach the API \(.*ECONNREFUSED.*\): check the network and `baseUrl`\.$/);
    expect(lines.filter((line) => line.includes('→ APIConnectionError'))).toHaveLength(2);
  });

  it('a connection closed once a create() was sent is not retried: it may have been processed', async () => {
    let requests = 0;
    await withHttpServer(
      (req) => {
        requests++;
        req.socket.destroy();
      },
      async ({ url }) => {
        const loops = testClient({ baseUrl: url, maxRetries: 2 });
        await rejection(loops.checkout.sessions.create(example), APIConnectionError);
        expect(requests).toBe(1);
      },
    );
  });

  it('a body cut short of its length is a connection error, and a GET is retried', async () => {
    let requests = 0;
    await withHttpServer(
      (_req, res) => {
        requests++;
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': 1000 });
        res.write(listText.slice(0, 50));
        setTimeout(() => res.destroy(), 10);
      },
      async ({ url }) => {
        await rejection(testClient({ baseUrl: url, maxRetries: 1 }).checkout.sessions.list(), APIConnectionError);
        expect(requests).toBe(2);
      },
    );
  });
});

describe('bodies, as the server sends them', () => {
  /** Answers with body, written in pieces (no length: chunked), under the headers given. */
  const inPieces =
    (pieces: Buffer[], headers: Record<string, string> = {}) =>
    (res: ServerResponse) => {
      res.writeHead(200, { 'content-type': 'application/json', ...headers });
      for (const piece of pieces) res.write(piece);
      res.end();
    };
  const read = async (answer: (res: ServerResponse) => void) => {
    let page: unknown;
    await withListServer(async (baseUrl) => {
      page = JSON.parse(JSON.stringify(await testClient({ baseUrl }).checkout.sessions.list()));
    }, answer);
    return page;
  };

  it('chunked, a character split between two chunks decoded whole, a BOM dropped', async () => {
    const named = { ...list, data: [{ ...list.data[0]!, customer_email: 'zoë@example.com' }] };
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(JSON.stringify(named))]);
    const split = bytes.indexOf(Buffer.from('ë')) + 1;
    expect(await read(inPieces([bytes.subarray(0, split), bytes.subarray(split)]))).toEqual(named);
  });

  it.each([
    ['gzip', gzipSync],
    ['deflate', deflateSync],
    ['br', brotliCompressSync],
  ])('compressed with %s, decoded', async (coding, compress) => {
    expect(await read(inPieces([compress(listText)], { 'content-encoding': coding }))).toEqual(list);
  });

  it.each(['x-unknown', 'constructor'])(
    'labelled with a coding it does not decode (%s), handed over as it came',
    async (coding) => {
      expect(await read(inPieces([Buffer.from(listText)], { 'content-encoding': coding }))).toEqual(list);
    },
  );

  it('a compressed body past the bound is cut off, its rest never read', async () => {
    let written = 0;
    await withHttpServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        // Random bytes do not compress: what the server writes is what the client would have to read.
        const gzip = createGzip({ level: constants.Z_BEST_SPEED });
        gzip.pipe(res);
        const pump = () => {
          while (!res.destroyed && written < 50 * 1024 * 1024) {
            written += 64 * 1024;
            if (!gzip.write(randomBytes(64 * 1024))) return void gzip.once('drain', pump);
          }
          gzip.end();
        };
        res.on('close', () => gzip.destroy());
        pump();
      },
      async ({ url }) => {
        const loops = testClient({ baseUrl: url, maxResponseBytes: 256 * 1024 });
        const error = await rejection(loops.checkout.sessions.list(), APIError);
        expect(error.message).toContain('Response body larger than maxResponseBytes (262144 bytes): cut off unread.');
        await new Promise((resolve) => setTimeout(resolve, 100));
        expect(written).toBeLessThan(16 * 1024 * 1024);
      },
    );
  });
});
