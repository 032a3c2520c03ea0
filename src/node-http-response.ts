/**
 * An answer over node:http as the SDK reads it: the `Response` fetch would give (its body read),
 * and the body decoded as fetch decodes it (gzip, deflate, br; a BOM dropped), refused past the
 * bound without reading the rest.
 */
import type * as Http from 'node:http';
import type * as Decoding from 'node:string_decoder';
import type * as Zlib from 'node:zlib';
import { tooLarge } from './body.js';
import { codingsOf, decodingChain } from './node-http-decoding.js';
import type { Received } from './transport.js';

export interface Reading {
  url: string;
  maxBytes: number;
  zlib: typeof Zlib;
  decoding: typeof Decoding;
  /** Called once the body is read; fail() destroys the request, which closes its connection. */
  resolve(received: Received): void;
  fail(error: Error): void;
}

// What new Response() takes, narrower than what Node's parser accepts (a status of 600, a reason
// with a control character): fetch hands such an answer over, so the SDK does too.
const reason = /^[\t\x20-\x7e\x80-\xff]*$/;

/** Reads incoming into a Received, or fails with the APIError of tooLarge() past the bound. */
export function receive(incoming: Http.IncomingMessage, { url, maxBytes, zlib, decoding, resolve, fail }: Reading) {
  const status = incoming.statusCode!;
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const known = status >= 200 && status <= 599;
  const statusText = reason.test(incoming.statusMessage ?? '') ? (incoming.statusMessage ?? '') : '';
  const response = new Response(null, { status: known ? status : 500, statusText, headers });
  // As a response from fetch whose body the SDK has read: its URL, its body used, its own status.
  Object.defineProperties(response, {
    url: { value: url },
    bodyUsed: { value: true },
    ...(!known && { status: { value: status }, ok: { value: false } }),
  });
  const codings = codingsOf(incoming);
  const declared = incoming.headers['content-length'];
  // A declared length is refused before reading; a compressed body's counts once decoded.
  if (codings.length === 0 && declared !== undefined && Number(declared) > maxBytes) {
    return fail(tooLarge(maxBytes, status, headers));
  }
  // Each chunk decoded as it comes (a character split between two chunks whole), not gathered into
  // one Buffer first: a page's copy outside the heap made V8 collect its old space some three times
  // a walk of 200 pages, a quarter more CPU per page. A StringDecoder, not a TextDecoder: a third of
  // the cost on Node 20.
  const decoder = new decoding.StringDecoder('utf8');
  let text = '';
  let length = 0;
  let done = false;
  const stop = (error: Error) => {
    if (done) return;
    done = true;
    // Nothing more is read or decoded; destroying the request closes the socket.
    incoming.removeAllListeners('data');
    chain.stop();
    fail(error);
  };
  const chain = decodingChain(codings, zlib, {
    onData(chunk) {
      if (done) return;
      length += chunk.length;
      if (length > maxBytes) stop(tooLarge(maxBytes, status, headers));
      else text += decoder.write(chunk);
    },
    onEnd() {
      if (done) return;
      done = true;
      text += decoder.end();
      // A BOM is dropped, as fetch's text() does.
      resolve({ response, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
    },
    onError: stop,
  });
  incoming.on('error', stop);
  incoming.on('data', chain.write);
  incoming.on('end', chain.end);
}
