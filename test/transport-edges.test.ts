/**
 * Answers and settings at the edges, where node:http and fetch could part ways: each test holds on
 * whichever transport this run uses (vitest.config.ts runs the file in both projects), and the
 * tests of node:http's own parts force it with `nodeHttp: true`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Socket } from 'node:net';
import zlib from 'node:zlib';
import { Agent, type Dispatcher, getGlobalDispatcher, Pool, setGlobalDispatcher } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIError, InternalServerError, ValidationError } from '../src/index.js';
import { fakeSessions } from '../src/testing/index.js';
import { testClient } from './support/client.js';
import { withHttpServer } from './support/http-server.js';
import { rejection, thrown } from './support/rejection.js';

const list = { object: 'list', data: fakeSessions(1), has_more: false, url: '/api/v3/checkout/sessions' };
const listText = JSON.stringify(list);

/** A raw TCP server that writes answer(socket) for each request it reads; always closed. */
async function withRawServer(answer: (socket: Socket) => void, work: (url: string) => Promise<void>) {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('data', () => {
      requests++;
      answer(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as { port: number };
    await work(`http://127.0.0.1:${port}`);
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  }
  return requests;
}

/** Answers every request with the list, keeping the path each asked for. */
const listServer = (paths: string[]) => (req: IncomingMessage, res: ServerResponse) => {
  paths.push(req.url ?? '');
  res.writeHead(200, { 'content-type': 'application/json' }).end(listText);
};

// Node's fetch sends `sec-fetch-mode: cors` with every request; node:http sends no such header.
const sentBy = (req: IncomingMessage) => (req.headers['sec-fetch-mode'] === 'cors' ? 'fetch' : 'node:http');

describe('answers Node accepts', () => {
  it('a complete answer with stray bytes after it (past its content-length) is the answer', async () => {
    const head = `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: ${listText.length}\r\n\r\n`;
    await withRawServer(
      (socket) => socket.write(`${head}${listText}XYZ`),
      async (baseUrl) => {
        expect((await testClient({ baseUrl }).checkout.sessions.list()).data).toEqual(list.data);
      },
    );
  });

  it('a body labelled deflate but sent raw (no zlib header), as some servers send it, is decoded', async () => {
    const body = zlib.deflateRawSync(listText);
    const head = `HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-encoding: deflate\r\ncontent-length: ${body.length}\r\n\r\n`;
    await withRawServer(
      (socket) => socket.write(Buffer.concat([Buffer.from(head), body])),
      async (baseUrl) => {
        expect((await testClient({ baseUrl }).checkout.sessions.list()).data).toEqual(list.data);
      },
    );
  });

  it.each([
    ['a 503 whose reason phrase holds a control character', 'HTTP/1.1 503 Bad\x01Reason', InternalServerError, 503],
    ['a status past 599', 'HTTP/1.1 600 Odd', APIError, 600],
  ])('%s is an error of its status, retried as a server error', async (_, statusLine, type, status) => {
    const requests = await withRawServer(
      (socket) => socket.write(`${statusLine}\r\ncontent-length: 2\r\n\r\n{}`),
      async (baseUrl) => {
        const loops = testClient({ baseUrl, maxRetries: 1 });
        expect((await rejection(loops.checkout.sessions.list(), type)).status).toBe(status);
      },
    );
    expect(requests).toBe(2);
  });
});

describe('baseUrl, as a URL parser reads it', () => {
  it.each([
    ['a trailing CR (a .env file with CRLF lines)', (url: string) => `${url}/api/v3\r`, '/api/v3/checkout/sessions'],
    ['a leading space', (url: string) => ` ${url}/api/v3`, '/api/v3/checkout/sessions'],
    ['a space in its path', (url: string) => `${url}/my api`, '/my%20api/checkout/sessions'],
    ['a non-ASCII path', (url: string) => `${url}/zoë`, '/zo%C3%AB/checkout/sessions'],
    ['a backslash for a slash', (url: string) => `${url}\\api`, '/api/checkout/sessions'],
    ['an upper-case scheme', (url: string) => url.replace('http:', 'HTTP:'), '/checkout/sessions'],
  ])('with %s reaches the path the parser gives', async (_, baseUrlOf, path) => {
    const paths: string[] = [];
    await withHttpServer(listServer(paths), async ({ url }) => {
      await testClient({ baseUrl: baseUrlOf(url) }).checkout.sessions.list();
    });
    expect(paths).toEqual([path]);
  });
});

describe('header values', () => {
  it('one read with its line break (a file, an environment variable) is sent without it, as fetch sends it', async () => {
    const seen: (string | string[] | undefined)[] = [];
    await withHttpServer(
      (req, res) => {
        seen.push(req.headers['x-trace']);
        listServer([])(req, res);
      },
      async ({ url }) => {
        for (const value of ['export-42\n', 'export-42\r\n', ' export-42\r']) {
          await testClient({ baseUrl: url, defaultHeaders: { 'X-Trace': value } }).checkout.sessions.list();
        }
      },
    );
    expect(seen).toEqual(['export-42', 'export-42', 'export-42']);
  });

  it('one with a line break or NUL inside is refused, naming the header, before anything is sent', () => {
    for (const value of ['a\r\nInjected: 1', 'a\0b']) {
      const error = thrown(() => testClient({ defaultHeaders: { 'X-Trace': value } }), ValidationError);
      expect(error.message).toContain('defaultHeaders.X-Trace');
      expect(error.message).toContain('no CR, LF or NUL inside it');
    }
  });
});

describe('headers that frame the message', () => {
  it.each(['Content-Length', 'transfer-encoding', 'Connection', 'Host', 'Expect'])(
    '%s is refused, in defaultHeaders and per call, before anything is sent',
    async (name) => {
      const error = thrown(() => testClient({ defaultHeaders: { [name]: '10' } }), ValidationError);
      expect(error.message).toContain(`got ${name}`);
      expect(error.message).toMatch(/frame the message/);
      const paths: string[] = [];
      await withHttpServer(listServer(paths), async ({ url }) => {
        const call = testClient({ baseUrl: url }).checkout.sessions.list({}, { headers: { [name]: '10' } });
        await rejection(call, ValidationError);
      });
      expect(paths).toEqual([]);
    },
  );
});

describe("undici's global dispatcher", () => {
  let before: Dispatcher | undefined;
  afterEach(() => {
    if (before) setGlobalDispatcher(before);
    before = undefined;
  });

  it("a program's own Agent (interceptors, TLS options) takes every call, through fetch", async () => {
    const intercepted: string[] = [];
    const senders: string[] = [];
    let pools = 0;
    await withHttpServer(
      (req, res) => {
        senders.push(sentBy(req));
        listServer([])(req, res);
      },
      async ({ url }) => {
        before = getGlobalDispatcher();
        const agent = new Agent().compose((dispatch) => (options, handler) => {
          intercepted.push(String(options.path));
          return dispatch(options, handler);
        });
        setGlobalDispatcher(agent);
        await testClient({ baseUrl: url, nodeHttp: true }).checkout.sessions.list();
        setGlobalDispatcher(new Agent({ connect: { timeout: 5_000 } }));
        await testClient({ baseUrl: url, nodeHttp: true }).checkout.sessions.list();
        // undici keeps a factory beside the options: its pools are the program's.
        const factory = (origin: URL | string, options: Pool.Options) => {
          pools++;
          return new Pool(origin, options);
        };
        setGlobalDispatcher(new Agent({ factory }));
        await testClient({ baseUrl: url, nodeHttp: true }).checkout.sessions.list();
      },
    );
    expect(intercepted).toEqual(['/checkout/sessions']);
    expect(pools).toBe(1);
    expect(senders).toEqual(['fetch', 'fetch', 'fetch']);
  });

  it("undici's own default Agent (installed when the package loads, as in this file) leaves the SDK on node:http", async () => {
    const senders: string[] = [];
    await withHttpServer(
      (req, res) => {
        senders.push(sentBy(req));
        listServer([])(req, res);
      },
      async ({ url }) => {
        // A fetch of the program's own, before the SDK's call, through that Agent.
        expect(getGlobalDispatcher().constructor.name).toBe('Agent');
        await (await globalThis.fetch(`${url}/warm-up`)).text();
        await testClient({ baseUrl: url, nodeHttp: true }).checkout.sessions.list();
      },
    );
    expect(senders).toEqual(['fetch', 'node:http']);
  });
});

describe('a compressed body past the bound, on node:http', () => {
  afterEach(() => vi.restoreAllMocks());

  it('stops its decoder at once: nothing more is inflated once the call has failed', async () => {
    const made: zlib.Gunzip[] = [];
    const createGunzip = zlib.createGunzip;
    vi.spyOn(zlib, 'createGunzip').mockImplementation((options) => {
      const decoder = createGunzip(options);
      made.push(decoder);
      return decoder;
    });
    // 64 MB of zeros in some 64 KB: one packet inflates far past the bound.
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 1024 * 1024));
    await withHttpServer(
      (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(bomb);
      },
      async ({ url }) => {
        const loops = testClient({ baseUrl: url, maxResponseBytes: 256 * 1024, nodeHttp: true });
        await rejection(loops.checkout.sessions.list(), APIError);
      },
    );
    expect(made).toHaveLength(1);
    expect(made[0]!.destroyed).toBe(true);
  });
});
