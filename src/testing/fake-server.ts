import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { cursorParam, limitBounds, listPath, statusValues } from '../../generated/constants.js';
import type { CheckoutSession, ErrorBody, SessionStatus } from '../types.js';

/** A session as the fake server stores it: `status` says which `status` filter it matches. */
export type FakeSession = CheckoutSession & { status?: SessionStatus };

/**
 * One scripted misbehaviour, used up by the next request that arrives after it was queued, as
 * long as that request's client is still connected when the server gets to it: a late request
 * of an attempt that already timed out or was aborted does not steal it.
 */
export type Fault =
  /** Answer with this status and, unless given, a body in the spec's error format. */
  | {
      type: 'status';
      status: number;
      /** Sent as `Retry-After`: seconds, or an HTTP date as a string. */
      retryAfter?: number | string;
      retryAfterMs?: number;
      shouldRetry?: boolean;
      /** More response headers, such as `location`. */
      headers?: Record<string, string>;
      /** A string is sent as is (not JSON); anything else is sent as JSON. */
      body?: unknown;
    }
  /** Destroy the connection without answering. */
  | { type: 'reset' }
  /** Answer normally, but only after delayMs. */
  | { type: 'slow'; delayMs: number };

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Whether the request carried the expected bearer token (the token itself is never recorded). */
  authorized: boolean;
  /** `Date.now()` when the request arrived. */
  at: number;
  /** What the server did with it: `ok`, a fault's type, or the error status it answered. */
  outcome: string;
}

export interface FakeLoopsServerOptions {
  /** The sessions to list, newest first: the order the API lists them in. */
  sessions?: FakeSession[];
  /** The only bearer token accepted. Without it, any non-empty bearer token is. */
  apiKey?: string;
  /** Misbehaviours for the first requests, in order. */
  faults?: Fault[];
  /** Path prefix of the endpoint, such as `/v1` to stand in for another API's path. Default none. */
  basePath?: string;
  /** Answer CORS preflights and allow any origin, for tests in a browser. */
  cors?: boolean;
}

export interface FakeLoopsServer {
  /** The base URL to give the SDK, such as `http://127.0.0.1:53127`. */
  readonly url: string;
  /** Every request received so far, oldest first. */
  readonly requests: readonly FakeRequest[];
  /** Replaces the sessions served. */
  setSessions(sessions: FakeSession[]): void;
  /** Queues faults for the next requests. */
  fault(...faults: Fault[]): void;
  /** Drops queued faults and empties the request log; the sessions stay. */
  reset(): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

interface Listing {
  sessions: FakeSession[];
  positions: Map<string, number>;
}

function listing(sessions: FakeSession[]): Listing {
  return { sessions, positions: new Map(sessions.map((session, index) => [session.id, index])) };
}

function errorBody(
  type: ErrorBody['error']['type'],
  message: string,
  extra: Partial<ErrorBody['error']> = {},
): ErrorBody {
  return { error: { type, message, ...extra } };
}

/**
 * A real HTTP server on 127.0.0.1 that implements the list endpoint as the spec describes it:
 * bearer auth, the `status` filter, `limit` bounds, cursors, `has_more`, newest-first order and
 * `x-request-id`, plus scripted faults to test retries and timeouts.
 */
export async function createFakeLoopsServer(options: FakeLoopsServerOptions = {}): Promise<FakeLoopsServer> {
  const basePath = options.basePath ?? '';
  const endpoint = `${basePath}${listPath}`;
  const listUrl = `${basePath || '/api/v3'}${listPath}`;
  // Each fault remembers how many requests had arrived when it was queued: only a later one takes it.
  const faults: { fault: Fault; after: number }[] = (options.faults ?? []).map((fault) => ({ fault, after: 0 }));
  let arrived = 0;
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  let all = listing(options.sessions ?? []);
  let byStatus = new Map<string, Listing>();
  let served = 0;

  function filtered(status: string | undefined): Listing {
    if (status === undefined) return all;
    let found = byStatus.get(status);
    if (!found) {
      found = listing(all.sessions.filter((session) => session.status === status));
      byStatus.set(status, found);
    }
    return found;
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    res.writeHead(status, {
      'content-type': typeof body === 'string' ? 'text/plain' : 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      ...headers,
    });
    res.end(text);
  }

  function answerList(query: URLSearchParams, respond: (status: number, body: unknown) => void): string {
    for (const name of query.keys()) {
      if (name !== 'status' && name !== 'limit' && name !== cursorParam) {
        respond(
          400,
          errorBody('invalid_request_error', `Received unknown parameter: ${name}.`, {
            code: 'parameter_unknown',
            param: name,
          }),
        );
        return 'unknown-parameter';
      }
    }
    const limitText = query.get('limit') ?? String(limitBounds.default);
    const limit = /^\d+$/.test(limitText) ? Number(limitText) : Number.NaN;
    if (!(limit >= limitBounds.minimum && limit <= limitBounds.maximum)) {
      const message = `Invalid limit: must be an integer between ${limitBounds.minimum} and ${limitBounds.maximum}.`;
      respond(400, errorBody('invalid_request_error', message, { code: 'parameter_invalid_integer', param: 'limit' }));
      return 'invalid-limit';
    }
    const status = query.get('status') ?? undefined;
    if (status !== undefined && !(statusValues as readonly string[]).includes(status)) {
      const message = `Invalid status: must be one of ${statusValues.join(', ')}.`;
      respond(400, errorBody('invalid_request_error', message, { code: 'parameter_invalid_enum', param: 'status' }));
      return 'invalid-status';
    }
    const { sessions, positions } = filtered(status);
    const cursor = query.get(cursorParam);
    let start = 0;
    if (cursor !== null) {
      const position = positions.get(cursor);
      if (position === undefined) {
        respond(
          400,
          errorBody('invalid_request_error', `No such checkout session: '${cursor}'.`, {
            code: 'resource_missing',
            param: cursorParam,
          }),
        );
        return 'unknown-cursor';
      }
      start = position + 1;
    }
    const data = sessions.slice(start, start + limit);
    respond(200, { object: 'list', data, has_more: start + limit < sessions.length, url: listUrl });
    return 'ok';
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const number = ++arrived;
    const requestId = `req_fake${String(++served).padStart(6, '0')}`;
    const baseHeaders: Record<string, string> = { 'x-request-id': requestId };
    const respond = (status: number, body: unknown, headers: Record<string, string> = {}) =>
      send(res, status, body, { ...baseHeaders, ...headers });
    if (options.cors) {
      Object.assign(baseHeaders, {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': 'authorization, accept, content-type',
        'access-control-expose-headers': 'x-request-id, retry-after, retry-after-ms, x-should-retry',
      });
      if (req.method === 'OPTIONS') {
        res.writeHead(204, { ...baseHeaders, 'access-control-allow-methods': 'GET' });
        res.end();
        return;
      }
    }
    // A request line such as `GET http://x:99999/` parses as HTTP but not as a URL.
    const url = URL.canParse(req.url ?? '/', 'http://127.0.0.1')
      ? new URL(req.url ?? '/', 'http://127.0.0.1')
      : undefined;
    const authorization = req.headers.authorization ?? '';
    const token = /^Bearer (.+)$/.exec(authorization)?.[1];
    const authorized = token !== undefined && (options.apiKey === undefined || token === options.apiKey);
    const record: FakeRequest = {
      method: req.method ?? 'GET',
      path: url?.pathname ?? req.url ?? '',
      query: url ? Object.fromEntries(url.searchParams) : {},
      authorized,
      at: Date.now(),
      outcome: 'ok',
    };
    requests.push(record);
    if (!url) {
      record.outcome = 'bad-url';
      respond(
        400,
        errorBody('invalid_request_error', 'Malformed request URL: send a path such as /checkout/sessions.'),
      );
      return;
    }
    // Decide on a fault two turns later: a client that hung up before the server read its request
    // (a timed-out or aborted attempt, on a busy machine) has its hang-up seen by then. One turn
    // is not enough: after a short read, libuv goes back to polling and reads the hang-up next time.
    const later = (work: () => void) => setImmediate(() => setImmediate(work));
    later(() => {
      if (req.socket.destroyed || req.socket.readableEnded) {
        record.outcome = 'client-gone';
        res.destroy();
        return;
      }
      const fault = faults[0] && faults[0].after < number ? faults.shift()!.fault : undefined;
      try {
        answer(req, res, url, record, { token, authorized, fault, respond });
      } catch (error) {
        record.outcome = 'server-error';
        if (!res.headersSent)
          respond(500, errorBody('api_error', `The fake server failed: ${(error as Error).message}`));
      }
    });
  }

  interface Answering {
    token: string | undefined;
    authorized: boolean;
    fault: Fault | undefined;
    respond: (status: number, body: unknown, headers?: Record<string, string>) => void;
  }

  function answer(req: IncomingMessage, res: ServerResponse, url: URL, record: FakeRequest, how: Answering): void {
    const { token, authorized, fault, respond } = how;
    if (fault?.type === 'reset') {
      record.outcome = 'reset';
      req.socket.destroy();
      return;
    }
    if (fault?.type === 'status') {
      record.outcome = `status ${fault.status}`;
      const headers: Record<string, string> = { ...fault.headers };
      if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
      if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
      if (fault.shouldRetry !== undefined) headers['x-should-retry'] = String(fault.shouldRetry);
      const type = fault.status >= 500 ? 'api_error' : 'invalid_request_error';
      respond(
        fault.status,
        fault.body ?? errorBody(type, `Scripted fault: the fake server answered ${fault.status}.`),
        headers,
      );
      return;
    }
    const reply = () => {
      if (url.pathname !== endpoint) {
        record.outcome = 'not-found';
        respond(404, errorBody('invalid_request_error', `Unrecognized request URL (${req.method}: ${url.pathname}).`));
      } else if (req.method !== 'GET') {
        record.outcome = 'method-not-allowed';
        respond(405, errorBody('invalid_request_error', `${req.method} is not allowed on ${url.pathname}: use GET.`), {
          allow: 'GET',
        });
      } else if (!authorized) {
        record.outcome = 'unauthorized';
        const message = token === undefined ? 'You did not provide an API key.' : 'Invalid API key provided.';
        respond(
          401,
          errorBody('invalid_request_error', message, {
            code: token === undefined ? 'api_key_missing' : 'api_key_invalid',
          }),
        );
      } else {
        record.outcome = answerList(url.searchParams, respond);
      }
    };
    if (fault?.type === 'slow') {
      record.outcome = 'slow';
      const timer = setTimeout(reply, fault.delayMs);
      res.on('close', () => clearTimeout(timer));
    } else {
      reply();
    }
  }

  const server = createServer(handle);
  // A request Node cannot parse (a broken request line, headers over 16 kB) still gets an answer
  // in the spec's error format, and the server keeps serving.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return void socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const text = JSON.stringify(
      errorBody(
        'invalid_request_error',
        tooLarge ? 'Request headers too large.' : `Malformed HTTP request (${error.code ?? 'parse error'}).`,
      ),
    );
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    socket.end(
      `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`,
    );
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setSessions(sessions) {
      all = listing(sessions);
      byStatus = new Map();
    },
    fault(...more) {
      faults.push(...more.map((fault) => ({ fault, after: arrived })));
    },
    reset() {
      faults.length = 0;
      requests.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
