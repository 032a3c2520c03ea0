/**
 * One request to the fake server, from arrival to answer: logged, routed and checked by the spec,
 * given the next fault if it may take one, and always answered: an exception anywhere is a 500 in
 * the spec's error format, never a crash or a request left hanging.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FaultQueue, PlayableFault } from './faults.js';
import { resolve } from './handlers.js';
import type { FakeRequest } from './request-log.js';
import type { Router } from './routes.js';
import { errorBody } from './routes.js';
import type { SessionStore } from './session-store.js';
import { failure, type Payload, payload, send } from './wire.js';

/** What every request needs from its server. */
export interface ServerState {
  basePath: string;
  apiKey: string | undefined;
  route: Router;
  faults: FaultQueue;
  requests: FakeRequest[];
  store(): SessionStore;
  /** The headers of every answer to request number: its request ID, and CORS when asked for. */
  headers(number: number): Record<string, string>;
  /** Counts a request in; its number is its place among all requests so far, from 1. */
  arrive(): number;
}

/** Runs work; if it throws, answers 500 in the spec's error format, or drops the connection if too late. */
function guarded(res: ServerResponse, headers: Record<string, string>, record: FakeRequest, work: () => void): void {
  try {
    work();
  } catch (error) {
    record.outcome = 'server-error';
    try {
      if (!res.headersSent) return void send(res, 500, failure(error), headers);
    } catch {
      // Not even a 500 could be written: dropping the connection at least ends the wait.
    }
    res.destroy();
  }
}

export function handleRequest(state: ServerState, req: IncomingMessage, res: ServerResponse): void {
  const number = state.arrive();
  const headers = state.headers(number);
  const raw = req.url ?? '/';
  const record: FakeRequest = {
    method: req.method ?? 'GET',
    path: raw,
    query: {},
    authorized: false,
    at: Date.now(),
    outcome: 'ok',
  };
  state.requests.push(record);
  const respond = (status: number, body: Payload, more: Record<string, string> = {}) =>
    send(res, status, body, { ...headers, ...more });
  const guard = (work: () => void) => guarded(res, headers, record, work);

  guard(() => {
    // A request line such as `GET http://x:99999/` parses as HTTP but not as a URL.
    const url = URL.canParse(raw, 'http://127.0.0.1') ? new URL(raw, 'http://127.0.0.1') : undefined;
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const caller = { token, authorized: token !== undefined && (state.apiKey === undefined || token === state.apiKey) };
    Object.assign(record, {
      path: url?.pathname ?? raw,
      query: url ? Object.fromEntries(url.searchParams) : {},
      authorized: caller.authorized,
    });
    if (!url) {
      record.outcome = 'bad-url';
      const message = 'Malformed request URL: send a path such as /checkout/sessions.';
      return respond(400, payload(errorBody('invalid_request_error', message)));
    }
    const reply = () => {
      const answer = resolve(state.store(), state.route, state.basePath, record.method, url, caller);
      record.outcome = answer.outcome;
      respond(answer.status, payload(answer.body), answer.headers);
    };
    const play = (fault: PlayableFault | undefined) => {
      if (fault?.type === 'reset') {
        record.outcome = 'reset';
        req.socket.destroy();
      } else if (fault?.type === 'status') {
        record.outcome = `status ${fault.status}`;
        respond(fault.status, fault.body, fault.headers);
      } else if (fault?.type === 'slow') {
        record.outcome = 'slow';
        const timer = setTimeout(() => guard(reply), fault.delayMs);
        res.on('close', () => clearTimeout(timer));
      } else {
        reply();
      }
    };
    // Decide on a fault two turns later: a client that hung up before the server read its request
    // (a timed-out or aborted attempt, on a busy machine) has its hang-up seen by then. One turn
    // is not enough: after a short read, libuv goes back to polling and reads the hang-up next time.
    setImmediate(() =>
      setImmediate(() =>
        guard(() => {
          if (req.socket.destroyed) {
            record.outcome = 'client-gone';
            return void res.destroy();
          }
          // A client that closed its side after the request (`nc -N`) still gets its answer. But
          // TCP shows a client that gave up and closed (a timed-out attempt) the same way: the
          // next fault waits for a client known to be listening, rather than be lost on this one.
          play(req.socket.readableEnded ? undefined : state.faults.take(number));
        }),
      ),
    );
  });
}
