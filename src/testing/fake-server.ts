import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { type Fault, FaultQueue, faultHeaders } from './faults.js';
import { type Answer, answer } from './handlers.js';
import { createRouter, errorBody, type Refusal } from './routes.js';
import { SessionStore } from './session-store.js';
import type { FakeSession } from './sessions.js';

export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Whether the request carried the expected bearer token (the token itself is never recorded). */
  authorized: boolean;
  /** `Date.now()` when the request arrived. */
  at: number;
  /** What the server did with it: `ok`, a fault's type, or why it refused, such as `invalid-limit`. */
  outcome: string;
}

export interface FakeLoopsServerOptions {
  /** The sessions to list, newest first: the order the API lists them in. */
  sessions?: FakeSession[];
  /** The only bearer token accepted. Without it, any non-empty bearer token is. */
  apiKey?: string;
  /** Misbehaviours for the first requests, in order. */
  faults?: Fault[];
  /** Path prefix of the endpoints, such as `/v1` to stand in for another API's path. Default none. */
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

const corsHeaders = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'authorization, accept, content-type',
  'access-control-expose-headers': 'x-request-id, retry-after, retry-after-ms, x-should-retry',
};

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  res.writeHead(status, { 'content-type': type, 'content-length': String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}

/**
 * A real HTTP server on 127.0.0.1 that implements the spec's operations as the spec describes them
 * (bearer auth, every parameter checked by the spec's rules, filters, cursors, `has_more`,
 * newest-first order, `x-request-id`), answers 501 for an operation of the spec it does not
 * implement, and plays scripted faults to test retries and timeouts.
 */
export async function createFakeLoopsServer(options: FakeLoopsServerOptions = {}): Promise<FakeLoopsServer> {
  const basePath = options.basePath ?? '';
  const route = createRouter(basePath);
  const faults = new FaultQueue();
  faults.push(options.faults ?? [], 0);
  const requests: FakeRequest[] = [];
  const sockets = new Set<Socket>();
  let store = new SessionStore(options.sessions ?? []);
  let arrived = 0;

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const number = ++arrived;
    const headers: Record<string, string> = {
      'x-request-id': `req_fake${String(number).padStart(6, '0')}`,
      ...(options.cors && corsHeaders),
    };
    const respond = (status: number, body: unknown, more: Record<string, string> = {}) =>
      send(res, status, body, { ...headers, ...more });
    if (options.cors && req.method === 'OPTIONS') {
      res.writeHead(204, { ...headers, 'access-control-allow-methods': 'GET' });
      res.end();
      return;
    }
    // A request line such as `GET http://x:99999/` parses as HTTP but not as a URL.
    const raw = req.url ?? '/';
    const url = URL.canParse(raw, 'http://127.0.0.1') ? new URL(raw, 'http://127.0.0.1') : undefined;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const authorized = token !== undefined && (options.apiKey === undefined || token === options.apiKey);
    const query = url ? Object.fromEntries(url.searchParams) : {};
    const record: FakeRequest = {
      method: req.method ?? 'GET',
      path: url?.pathname ?? raw,
      query,
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
    setImmediate(() =>
      setImmediate(() => {
        if (req.socket.destroyed || req.socket.readableEnded) {
          record.outcome = 'client-gone';
          res.destroy();
          return;
        }
        const fault = faults.take(number);
        const reply = () => {
          try {
            const { status, body, outcome, headers: extra } = resolve(req.method ?? 'GET', url, token, authorized);
            record.outcome = outcome;
            respond(status, body, extra);
          } catch (error) {
            record.outcome = 'server-error';
            if (!res.headersSent)
              respond(500, errorBody('api_error', `The fake server failed: ${(error as Error).message}`));
          }
        };
        if (fault?.type === 'reset') {
          record.outcome = 'reset';
          req.socket.destroy();
        } else if (fault?.type === 'status') {
          record.outcome = `status ${fault.status}`;
          const type = fault.status >= 500 ? 'api_error' : 'invalid_request_error';
          const body = fault.body ?? errorBody(type, `Scripted fault: the fake server answered ${fault.status}.`);
          respond(fault.status, body, faultHeaders(fault));
        } else if (fault?.type === 'slow') {
          record.outcome = 'slow';
          const timer = setTimeout(reply, fault.delayMs);
          res.on('close', () => clearTimeout(timer));
        } else {
          reply();
        }
      }),
    );
  }

  /** What the spec says to answer: a routing refusal, 401, 501, or the operation's answer. */
  function resolve(method: string, url: URL, token: string | undefined, authorized: boolean): Refusal | Answer {
    const routed = route(method, url.pathname, url.searchParams);
    if ('status' in routed) return routed;
    if (!authorized) {
      const missing = token === undefined;
      const message = missing ? 'You did not provide an API key.' : 'Invalid API key provided.';
      const body = errorBody('invalid_request_error', message, {
        code: missing ? 'api_key_missing' : 'api_key_invalid',
      });
      return { status: 401, outcome: 'unauthorized', body };
    }
    const listUrl = `${basePath || '/api/v3'}${routed.operation.path}`;
    const answered = answer(store, routed, listUrl);
    if (answered) return answered;
    const message = `The fake server does not implement ${routed.id} (${method} ${routed.operation.path}) yet.`;
    return { status: 501, outcome: 'not-implemented', body: errorBody('api_error', message) };
  }

  const server = createServer(handle);
  // A request Node cannot parse (a broken request line, headers over 16 kB) still gets an answer
  // in the spec's error format, and the server keeps serving.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return void socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const message = tooLarge
      ? 'Request headers too large.'
      : `Malformed HTTP request (${error.code ?? 'parse error'}).`;
    const text = JSON.stringify(errorBody('invalid_request_error', message));
    const status = tooLarge ? '431 Request Header Fields Too Large' : '400 Bad Request';
    const head = `HTTP/1.1 ${status}\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(text)}`;
    socket.end(`${head}\r\nconnection: close\r\n\r\n${text}`);
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
      store = new SessionStore(sessions);
    },
    fault(...more) {
      faults.push(more, arrived);
    },
    reset() {
      faults.clear();
      requests.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
