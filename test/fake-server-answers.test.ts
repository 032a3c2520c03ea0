import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createFakeLoopsServer,
  type FakeLoopsServer,
  type FakeSession,
  fakeSession,
  fakeSessions,
} from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { parseAnswer, parseAnswers, type RawAnswer, rawExchange } from './support/raw-http.js';
import { schemaValidator } from './support/schema.js';
import { limitParam } from './support/spec.js';

const isError = schemaValidator('Error');
const listPath = '/checkout/sessions';
let server: FakeLoopsServer;
beforeAll(async () => {
  server = await createFakeLoopsServer({ apiKey, sessions: fakeSessions(5) });
});
afterEach(() => {
  server.reset();
  server.setSessions(fakeSessions(5));
});
afterAll(() => server?.close());

const request = (line: string, more = '') =>
  `${line} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${apiKey}\r\nConnection: close\r\n${more}\r\n`;

/** An answer in the spec's error format, with a request ID: what every refusal must be. */
function expectSpecError(answer: RawAnswer, status: number): { type: string; message: string } {
  expect(answer.status).toBe(status);
  expect(answer.headers['x-request-id']).toMatch(/^req_fake\d+$/);
  expect(answer.headers['content-type']).toBe('application/json');
  const body = JSON.parse(answer.body);
  expect(isError(body), JSON.stringify(isError.errors)).toBe(true);
  return body.error;
}

async function stillServes(): Promise<void> {
  const response = await fetch(`${server.url}${listPath}?${limitParam}=2`, {
    headers: { authorization: `Bearer ${apiKey}` },
  });
  expect(response.status).toBe(200);
  expect((await response.json()).data).toHaveLength(2);
}

describe('a client that half-closes after its request, as nc -N does, gets its answer', () => {
  it('one request: the page', async () => {
    const answer = parseAnswer(
      await rawExchange(server.url, request(`GET ${listPath}?${limitParam}=2`), { halfClose: true }),
    );
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).data).toHaveLength(2);
  });

  it('two requests on one connection: both answers, in order, then the connection closes', async () => {
    const keepAlive = (line: string) => request(line).replace('Connection: close', 'Connection: keep-alive');
    const bytes = keepAlive(`GET ${listPath}?${limitParam}=1`) + keepAlive('GET /checkout/sessions/nowhere');
    const answers = parseAnswers(await rawExchange(server.url, bytes, { halfClose: true }));
    expect(answers.map((answer) => answer.status)).toEqual([200, 404]);
  });
});

describe('methods no operation takes are answered in the spec error format', () => {
  it('CONNECT: 405, not a proxy, with the methods that are allowed; logged, and the server keeps serving', async () => {
    const bytes = 'CONNECT api.loops.fi:443 HTTP/1.1\r\nHost: api.loops.fi:443\r\n\r\n';
    const answer = parseAnswer(await rawExchange(server.url, bytes));
    expect(expectSpecError(answer, 405).message).toMatch(/CONNECT is not allowed: this is an API server, not a proxy/);
    expect(answer.headers.allow).toBe('GET');
    expect(server.requests.map((r) => [r.method, r.path, r.outcome])).toEqual([
      ['CONNECT', 'api.loops.fi:443', 'method-not-allowed'],
    ]);
    await stillServes();
  });

  it.each([
    ['TRACE', 405, request(`TRACE ${listPath}`)],
    ['PUT', 405, request(`PUT ${listPath}`, 'Content-Length: 0\r\n')],
    ['PATCH', 405, request(`PATCH ${listPath}/cs_test_00000001`, 'Content-Length: 0\r\n')],
    ['OPTIONS without cors', 405, request(`OPTIONS ${listPath}`)],
    ['a method HTTP does not define', 400, request(`BREW ${listPath}`)],
    ['a method in lower case', 400, request(`get ${listPath}`)],
    ['the HTTP/2 preface', 400, 'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'],
    ['an expectation other than 100-continue', 417, request(`GET ${listPath}`, 'Expect: the-unexpected\r\n')],
  ])('%s: %i, and the server keeps serving', async (_, status, bytes) => {
    expectSpecError(parseAnswer(await rawExchange(server.url, bytes)), status);
    await stillServes();
  });

  it('HEAD: 405 with the allowed methods, and no body (HEAD never has one)', async () => {
    const answer = parseAnswer(await rawExchange(server.url, request(`HEAD ${listPath}`)));
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET');
    expect(answer.body).toBe('');
  });
});

describe('garbage after a request on the same connection', () => {
  it('answers the request first, then refuses the garbage with 400, in order', async () => {
    const bytes = `${request(`GET ${listPath}?${limitParam}=1`).replace('Connection: close', 'Connection: keep-alive')}NOT HTTP\r\n\r\n`;
    const answers = parseAnswers(await rawExchange(server.url, bytes));
    expect(answers.map((answer) => answer.status)).toEqual([200, 400]);
    expect(JSON.parse(answers[0]!.body).data).toHaveLength(1);
    expectSpecError(answers[1]!, 400);
  });
});

describe('whatever fails while answering is a 500 in the spec error format, and the server lives on', () => {
  const bigint = fakeSession(1, { amount_total: 10n as never });
  const throwing = {
    ...fakeSession(1),
    toJSON: () => {
      throw new Error('the session refuses to be JSON');
    },
  } as FakeSession;

  it.each([
    ['a session with a BigInt amount', bigint, listPath, /BigInt/],
    ['the same session, retrieved', bigint, `${listPath}/${bigint.id}`, /BigInt/],
    ['a session whose toJSON throws', throwing, listPath, /the session refuses to be JSON/],
  ])('%s', async (_, session, path, reason) => {
    server.setSessions([session]);
    const answer = parseAnswer(await rawExchange(server.url, request(`GET ${path}`)));
    const error = expectSpecError(answer, 500);
    expect(error.type).toBe('api_error');
    expect(error.message).toMatch(reason);
    expect(server.requests.map((r) => r.outcome)).toEqual(['server-error']);
    server.setSessions(fakeSessions(5));
    await stillServes();
  });

  it('also when the answer was delayed by a slow fault', async () => {
    server.setSessions([bigint]);
    server.fault({ type: 'slow', delayMs: 1 });
    const answer = parseAnswer(await rawExchange(server.url, request(`GET ${listPath}`)));
    expect(expectSpecError(answer, 500).message).toMatch(/BigInt/);
  });
});
