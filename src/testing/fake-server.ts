import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { operationMetadata } from '../../generated/operations.js';
import { handleRequest, type ServerState } from './exchange.js';
import { type Fault, FaultQueue } from './faults.js';
import { answerOddRequests } from './odd-requests.js';
import type { FakeRequest } from './request-log.js';
import { createRouter } from './routes.js';
import { SessionStore } from './session-store.js';
import type { FakeSession } from './sessions.js';

export type { FakeRequest };

export interface FakeLoopsServerOptions {
  /** The sessions to list, newest first: the order the API lists them in. */
  sessions?: FakeSession[];
  /** The only bearer token accepted. Without it, any non-empty bearer token is. */
  apiKey?: string;
  /** Misbehaviours for the first requests, in order; checked like `fault()`'s. */
  faults?: Fault[];
  /** Path prefix of the endpoints, such as `/v1` to stand in for another API's path. Default none. */
  basePath?: string;
  /** Answer CORS preflights and allow any origin, for tests in a browser. */
  cors?: boolean;
  /** The port to listen on, on 127.0.0.1. Default 0: a free one, which `url` then names. */
  port?: number;
}

export interface FakeLoopsServer {
  /** The base URL to give the SDK, such as `http://127.0.0.1:53127`. */
  readonly url: string;
  /** Every request received so far, oldest first. */
  readonly requests: readonly FakeRequest[];
  /** Replaces the sessions served. */
  setSessions(sessions: FakeSession[]): void;
  /** Queues faults for the next requests; throws a TypeError that says why if one could not be played. */
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
// What a 405 offers: the methods of the spec's operations.
const allow = [...new Set(Object.values(operationMetadata).map((operation) => operation.method))].join(', ');

/**
 * A real HTTP server on 127.0.0.1 that implements the spec's operations as the spec describes them
 * (bearer auth, every parameter checked by the spec's rules, filters, cursors, `has_more`,
 * newest-first order, `x-request-id`), answers 501 for an operation of the spec it does not
 * implement, and plays scripted faults to test retries and timeouts.
 */
export async function createFakeLoopsServer(options: FakeLoopsServerOptions = {}): Promise<FakeLoopsServer> {
  const basePath = options.basePath ?? '';
  const faults = new FaultQueue();
  faults.push(options.faults ?? [], 0);
  let store = new SessionStore(options.sessions ?? []);
  let arrived = 0;
  const state: ServerState = {
    basePath,
    apiKey: options.apiKey,
    route: createRouter(basePath),
    faults,
    requests: [],
    store: () => store,
    headers: (number) => ({
      'x-request-id': `req_fake${String(number).padStart(6, '0')}`,
      ...(options.cors && corsHeaders),
    }),
    arrive: () => ++arrived,
  };
  const sockets = new Set<Socket>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (options.cors && req.method === 'OPTIONS') {
      res.writeHead(204, { ...state.headers(state.arrive()), 'access-control-allow-methods': allow });
      return void res.end();
    }
    handleRequest(state, req, res);
  });
  // Node closes a connection as soon as the client closes its side, even with a request still to
  // answer; this keeps it open until the answer is written (`nc -N`). Not in Node's types, but
  // Node's own tests set it (test-http-server.js), and ours fail if it stops working.
  (server as typeof server & { httpAllowHalfOpen: boolean }).httpAllowHalfOpen = true;
  answerOddRequests(server, state, allow);
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  // Failing to accept a connection (too many open files) is the client's refused connection, not
  // a reason to take the test process down with an unhandled 'error' event.
  server.on('error', () => {});
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests: state.requests,
    setSessions(sessions) {
      store = new SessionStore(sessions);
    },
    fault(...more) {
      faults.push(more, arrived);
    },
    reset() {
      faults.clear();
      state.requests.length = 0;
    },
    close() {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
