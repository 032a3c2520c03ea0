/**
 * An answer over node:http as the SDK reads it: the `Response` fetch would give (its body read),
 * and the body decoded as fetch decodes it (gzip, deflate, br; a BOM dropped), refused past the
 * bound without reading the rest.
 */
import type * as Http from 'node:http';
import type * as Decoding from 'node:string_decoder';
import type * as Zlib from 'node:zlib';
import { tooLarge } from './body.js';
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

// The content codings fetch decodes, and how; any other is handed over as it came, as fetch does.
const decoders: Record<string, (zlib: typeof Zlib) => Zlib.Gunzip | Zlib.Inflate | Zlib.BrotliDecompress> = {
  gzip: (zlib) => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  'x-gzip': (zlib) => zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  deflate: (zlib) => zlib.createInflate({ finishFlush: zlib.constants.Z_SYNC_FLUSH }),
  br: (zlib) => zlib.createBrotliDecompress(),
};

/** The body of incoming, decoded as its codings say, or incoming itself when there is nothing to decode. */
function decoded(incoming: Http.IncomingMessage, zlib: typeof Zlib, fail: (error: Error) => void) {
  const encoding = incoming.headers['content-encoding'];
  const codings = encoding === undefined ? [] : encoding.split(',').map((coding) => coding.trim().toLowerCase());
  // A coding fetch does not decode leaves the body as it came, as fetch does.
  const known = (coding: string) => coding === '' || coding === 'identity' || Object.hasOwn(decoders, coding);
  if (!codings.every(known)) return incoming;
  // Decoded in the reverse order of the codings applied.
  let stream: NodeJS.ReadableStream = incoming;
  for (const coding of codings.reverse()) {
    const decoder = Object.hasOwn(decoders, coding) ? decoders[coding]!(zlib) : undefined;
    if (decoder) stream = stream.pipe(decoder).on('error', fail);
  }
  return stream;
}

/** Reads incoming into a Received, or fails with the APIError of tooLarge() past the bound. */
export function receive(incoming: Http.IncomingMessage, { url, maxBytes, zlib, decoding, resolve, fail }: Reading) {
  const status = incoming.statusCode!;
  const headers = new Headers();
  const raw = incoming.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i]!, raw[i + 1]!);
  const response = new Response(null, { status, statusText: incoming.statusMessage ?? '', headers });
  // As a response from fetch whose body the SDK has read: its URL, and its body used.
  Object.defineProperties(response, { url: { value: url }, bodyUsed: { value: true } });
  const tooBig = () => fail(tooLarge(maxBytes, status, headers));
  incoming.on('error', fail);
  const stream = decoded(incoming, zlib, fail);
  const declared = incoming.headers['content-length'];
  // A declared length is refused before reading; a compressed body's counts once decoded.
  if (stream === incoming && declared !== undefined && Number(declared) > maxBytes) return tooBig();
  // Each chunk decoded as it comes (a character split between two chunks whole), not gathered into
  // one Buffer first: a page's copy outside the heap made V8 collect its old space some three times
  // a walk of 200 pages, a quarter more CPU per page. A StringDecoder, not a TextDecoder: a third of
  // the cost on Node 20.
  const decoder = new decoding.StringDecoder('utf8');
  let text = '';
  let length = 0;
  stream.on('data', (chunk: Buffer) => {
    length += chunk.length;
    // Destroying the request closes the socket: the rest of the body is never read.
    if (length > maxBytes) tooBig();
    else text += decoder.write(chunk);
  });
  stream.on('end', () => {
    text += decoder.end();
    // A BOM is dropped, as fetch's text() does.
    resolve({ response, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text });
  });
}
