/**
 * Whether an exception from fetch means the server could not be reached, and so is worth another
 * attempt, rather than a mistake that would fail the same way again (a malformed header, a port
 * that fetch blocks, a bug in a custom fetch).
 */

// Codes that Node (undici and node:http), Bun and node-fetch put on a failure to reach a server or
// to finish reading its answer: system errors (ECONNREFUSED, ECONNRESET, ENOTFOUND, EAI_AGAIN…),
// undici's socket and timeout errors, TLS and certificate errors, Bun's ConnectionRefused… Not headers
// past fetch's limit (UND_ERR_HEADERS_OVERFLOW): an HTTP server answered, and would again.
const networkCode =
  /^(E(?!RR_)[A-Z_]+$|UND_ERR_(SOCKET|CONNECT_TIMEOUT|HEADERS_TIMEOUT|BODY_TIMEOUT|CLOSED)$|ERR_(TLS|SSL|SOCKET|HTTP2)_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|Connection|FailedToOpenSocket)/;

// Messages that browsers (Chromium, Firefox, Safari: a bare TypeError) and Deno (a TypeError "fetch
// failed" whose cause says "error sending request …") give a network failure: they carry no code.
const networkMessage =
  /^(Failed to fetch|NetworkError when attempting to fetch resource|Load failed|Network request failed|error sending request|network error)/i;

// What a response that is not HTTP at all (a wrong port, TLS spoken to plain HTTP, a proxy's garbage)
// or one cut short of its declared length gives: the HTTP parser's errors (node:http's, and undici's:
// HPE_INVALID_CONSTANT on Node 20 and 22; on Node 24 no code, only the message "Response does not
// match the HTTP/1.1 protocol"), undici's length mismatch, and Bun's Malformed_HTTP_Response. Deno
// says "error sending request", a network failure above. A connection that answers that way is no
// API. Not headers past node:http's limit (HPE_HEADER_OVERFLOW): an HTTP server answered, as above.
const malformedCode = /^(HPE_(?!HEADER_OVERFLOW$)|UND_ERR_RES_CONTENT_LENGTH_MISMATCH$|Malformed_HTTP_Response)/;
const malformedMessage = /^(Malformed_HTTP_Response|Response does not match the HTTP\/1\.1 protocol)/;

/** Whether error, or an error in its cause chain, matches one of the codes or messages. */
function inChain(error: unknown, code: RegExp, message: RegExp): boolean {
  // Duck-typed, not instanceof Error: errors from another realm or a polyfill count too.
  let current = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  for (
    let depth = 0;
    current && typeof current === 'object' && depth < 6;
    depth++, current = current.cause as typeof current
  ) {
    if (typeof current.code === 'string' && code.test(current.code)) return true;
    if (typeof current.message === 'string' && message.test(current.message)) return true;
  }
  return false;
}

// The failures that leave before a byte of the request is sent: no connection was opened (refused,
// no such host, no route, connect timeout; Bun's ConnectionRefused and FailedToOpenSocket; Deno's
// "tcp connect error"), or TLS refused the server. A request that is not idempotent may go again.
const unsentCode =
  /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|UND_ERR_CONNECT_TIMEOUT|ConnectionRefused|FailedToOpenSocket|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|ERR_TLS_CERT)/;
const unsentMessage = /tcp connect error|client error \(Connect\)/;

/** Whether error, or an error in its cause chain, reports a failure to reach the server. */
export const isNetworkError = (error: unknown): boolean => inChain(error, networkCode, networkMessage);

/** Whether error reports a failure to reach the server that happened before the request was sent. */
export const isUnsent = (error: unknown): boolean => inChain(error, unsentCode, unsentMessage);

/** Whether error, or an error in its cause chain, reports an answer that is not HTTP, or cut short. */
export const isMalformedResponse = (error: unknown): boolean => inChain(error, malformedCode, malformedMessage);
