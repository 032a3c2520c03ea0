import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLoopsServer, type FakeLoopsServer, fakeSessions } from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { limitParam, statusParam } from './support/spec.js';

let server: FakeLoopsServer;
beforeAll(async () => {
  server = await createFakeLoopsServer({ apiKey, sessions: fakeSessions(5) });
});
afterAll(() => server?.close());

/** Sends raw bytes (ask for `Connection: close`) and resolves with everything the server answers before closing. */
function rawRequest(bytes: string | Buffer): Promise<string> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    // Written, not ended: a client that hangs up is one the server no longer answers.
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

/** The status and JSON body of a raw HTTP answer. */
function parse(answer: string): { status: number; body: { error?: { type: string; message: string } } } {
  const [head = '', body = ''] = answer.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), body: JSON.parse(body) };
}

async function stillServes(): Promise<void> {
  const response = await fetch(`${server.url}/checkout/sessions?${limitParam}=2`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  expect(response.status).toBe(200);
  expect((await response.json()).data).toHaveLength(2);
}

describe('the fake server never crashes on a request', () => {
  it.each([
    ['a request line that is not a URL', 400, 'GET http://x:99999/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
    ['a request line that is not HTTP', 400, 'HELLO\r\n\r\n'],
    [
      'headers over 16 kB',
      431,
      `GET /checkout/sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    ],
    [
      'an absurd query',
      400,
      `GET /checkout/sessions?${limitParam}=${'9'.repeat(400)}&${statusParam}=%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${apiKey}\r\n\r\n`,
    ],
    [
      'a wrong method',
      405,
      `DELETE /checkout/sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${apiKey}\r\n\r\n`,
    ],
    ['an unknown path', 404, 'GET /nowhere HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'],
  ])('%s: answers %i in the spec error format, and keeps serving', async (_, status, bytes) => {
    const answer = parse(await rawRequest(bytes));
    expect(answer.status).toBe(status);
    expect(answer.body.error?.type).toBe('invalid_request_error');
    expect(answer.body.error?.message).toEqual(expect.any(String));
    await stillServes();
  });
});

describe('scripted faults go to the request they were meant for', () => {
  it.each([
    ['closed its side (half-close)', (socket: Socket) => socket.end()],
    ['closed the connection', (socket: Socket) => socket.destroy()],
  ])(
    'a request whose client %s before the server read it is answered, but does not take the next fault',
    async (_, leave) => {
      server.reset();
      server.fault({ type: 'status', status: 503 });
      // A late request, as from an attempt that timed out: written and hung up on at once, while the
      // server is busy (this process blocks), so the server reads both together. Over TCP the two
      // ways of leaving look the same to the server until it answers.
      const { port } = new URL(server.url);
      const socket = connect(Number(port), '127.0.0.1');
      socket.on('error', () => {});
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        `GET /checkout/sessions HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer ${apiKey}\r\n\r\n`,
      );
      leave(socket);
      const busyUntil = Date.now() + 50;
      while (Date.now() < busyUntil);
      socket.resume();
      await new Promise((resolve) => (socket.closed ? resolve(null) : socket.once('close', resolve)));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const response = await fetch(`${server.url}/checkout/sessions`, {
        headers: { authorization: `Bearer ${apiKey}` },
      });
      expect(response.status).toBe(503);
      expect(server.requests.map((request) => request.outcome)).toEqual(['ok', 'status 503']);
    },
  );

  it('a fault is taken only by a request that arrives after it was queued', async () => {
    server.reset();
    // Both requests are on their way before the fault is queued: neither may take it.
    const headers = { authorization: `Bearer ${apiKey}` };
    const first = fetch(`${server.url}/checkout/sessions`, { headers });
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.fault({ type: 'status', status: 429 });
    expect((await first).status).toBe(200);
    expect((await fetch(`${server.url}/checkout/sessions`, { headers })).status).toBe(429);
  });
});

describe('scripted faults are checked when queued', () => {
  it.each([
    [{ type: 'status', status: 1000 }, 'needs an HTTP status from 200 to 599; got 1000'],
    [{ type: 'status', status: 503, headers: { 'x-a': 'one\r\ntwo' } }, 'Fault header x-a must be a one-line string'],
    [{ type: 'slow', delayMs: -1 }, 'needs delayMs ≥ 0'],
    [{ type: 'explode' }, 'Unknown fault type "explode"'],
  ])('%j is refused at once, and the server keeps serving', async (fault, message) => {
    expect(() => server.fault(fault as never)).toThrow(message);
    await stillServes();
  });
});

describe('the fake server refuses what the spec does not declare', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])('a query parameter named %s', async (name) => {
    const response = await fetch(`${server.url}/checkout/sessions?${name}=x`, {
      headers: { authorization: `Bearer ${apiKey}` },
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.param).toBe(name);
  });
});
