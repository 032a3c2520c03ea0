/**
 * The requests Node does not hand to the request listener, answered in the spec's error format
 * rather than with a dropped connection: one it cannot parse, CONNECT, an odd `Expect`.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ServerState } from './exchange.js';
import type { FakeRequest } from './request-log.js';
import { errorBody } from './routes.js';
import { failure, payload, send, sendOnSocket } from './wire.js';

/** Installs the answers on server; allow lists the methods a 405 offers. */
export function answerOddRequests(server: Server, state: ServerState, allow: string): void {
  // The last answer under way on each connection: answers go out in the order of the requests.
  const answering = new Map<Socket, ServerResponse>();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    answering.set(req.socket, res);
    res.on('close', () => answering.get(req.socket) === res && answering.delete(req.socket));
  });
  // A request Node cannot parse (a broken request line, headers over 16 kB) still gets an answer
  // in the spec's error format, and the server keeps serving.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    try {
      // A reset or broken connection has no one left to answer.
      if (error.code === 'ECONNRESET' || error.code === 'EPIPE') return void socket.destroy();
      const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
      const message = tooLarge
        ? 'Request headers too large.'
        : `Malformed HTTP request (${error.code ?? 'parse error'}).`;
      const body = payload(errorBody('invalid_request_error', message));
      const refuse = () => sendOnSocket(socket, tooLarge ? 431 : 400, body, state.headers(state.arrive()));
      // Garbage after a request on the same connection: that request's answer goes first, in order.
      const pending = answering.get(socket);
      if (pending) pending.once('close', refuse);
      else refuse();
    } catch {
      socket.destroy();
    }
  });
  // CONNECT asks the server to be a proxy: Node hands over the bare socket, to be answered here.
  server.on('connect', (req: IncomingMessage, socket: Socket) => {
    socket.on('error', () => socket.destroy());
    const number = state.arrive();
    const record: FakeRequest = {
      method: 'CONNECT',
      path: req.url ?? '',
      query: {},
      authorized: false,
      at: Date.now(),
      outcome: 'method-not-allowed',
    };
    state.requests.push(record);
    const message = `CONNECT is not allowed: this is an API server, not a proxy. Use ${allow}.`;
    try {
      sendOnSocket(socket, 405, payload(errorBody('invalid_request_error', message)), {
        ...state.headers(number),
        allow,
      });
    } catch (error) {
      record.outcome = 'server-error';
      try {
        sendOnSocket(socket, 500, failure(error), state.headers(number));
      } catch {
        socket.destroy();
      }
    }
  });
  // An expectation other than 100-continue: refused in the spec's error format, not with an empty 417.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const message = `Unsupported Expect: ${req.headers.expect}. Send the request without it.`;
    send(res, 417, payload(errorBody('invalid_request_error', message)), state.headers(state.arrive()));
  });
}
