/** Writing answers: on a response, or straight on a socket when Node has no response to give. */
import type { ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { errorBody } from './routes.js';

/** A body ready to send: its text and content type (empty for an answer without a body). */
export interface Payload {
  text: string;
  type: string;
}

/** Any body as sent: a string as text, anything else as JSON (which throws before anything is written). */
export function payload(body: unknown): Payload {
  return typeof body === 'string'
    ? { text: body, type: 'text/plain' }
    : { text: JSON.stringify(body), type: 'application/json' };
}

// The body goes as bytes: Node then writes the head as Latin-1, as HTTP has it; with a string body
// it would send the head in UTF-8 along with it, turning a header value of `é` into `Ã©`.
export function send(res: ServerResponse, status: number, body: Payload, headers: Record<string, string>): void {
  // No type, no body (a 204 or 304): nothing to describe.
  if (!body.type) return void res.writeHead(status, headers).end();
  const bytes = Buffer.from(body.text);
  res.writeHead(status, { 'content-type': body.type, 'content-length': String(bytes.length), ...headers });
  res.end(bytes);
}

/** The body of a 500: what failed, in the spec's error format. */
export function failure(error: unknown): Payload {
  const message = error instanceof Error ? error.message : String(error);
  const text = `The fake server failed while answering: ${message}. Check the sessions and faults given to it.`;
  return payload(errorBody('api_error', text));
}

/**
 * Writes a whole answer on a socket and closes it: for requests Node hands over without a
 * response object (a request it cannot parse, CONNECT). The connection cannot be reused after.
 */
export function sendOnSocket(socket: Socket, status: number, body: Payload, headers: Record<string, string>): void {
  if (!socket.writable) return void socket.destroy();
  const bytes = Buffer.from(body.text);
  const lines = [`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Unknown'}`];
  const all = { ...headers, 'content-type': body.type, 'content-length': String(bytes.length), connection: 'close' };
  for (const [name, value] of Object.entries(all)) lines.push(`${name}: ${value}`);
  socket.end(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'), bytes]));
}
