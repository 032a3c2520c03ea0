/**
 * Whether an exception from fetch means the server could not be reached, and so is worth another
 * attempt, rather than a mistake that would fail the same way again (a malformed header, a port
 * that fetch blocks, a bug in a custom fetch).
 */

// Codes that Node (undici and node:http), Bun and node-fetch put on a failure to reach a server or
// to finish reading its answer: system errors (ECONNREFUSED, ECONNRESET, ENOTFOUND, EAI_AGAIN…),
// undici's socket and timeout errors, TLS and certificate errors, Bun's ConnectionRefused… Not an
// answer fetch could not parse (UND_ERR_HEADERS_OVERFLOW, HPE_…): the server answered, and would again.
const networkCode =
  /^(E(?!RR_)[A-Z_]+$|UND_ERR_(SOCKET|CONNECT_TIMEOUT|HEADERS_TIMEOUT|BODY_TIMEOUT|CLOSED)$|ERR_(TLS|SSL|SOCKET|HTTP2)_|CERT_|UNABLE_TO_|DEPTH_ZERO|SELF_SIGNED|Connection|FailedToOpenSocket)/;

// Messages that browsers (Chromium, Firefox, Safari: a bare TypeError) and Deno (a TypeError "fetch
// failed" whose cause says "error sending request …") give a network failure: they carry no code.
const networkMessage =
  /^(Failed to fetch|NetworkError when attempting to fetch resource|Load failed|Network request failed|error sending request|network error)/i;

/** Whether error, or an error in its cause chain, reports a failure to reach the server. */
export function isNetworkError(error: unknown): boolean {
  // Duck-typed, not instanceof Error: errors from another realm or a polyfill count too.
  let current = error as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown } | null | undefined;
  for (
    let depth = 0;
    current && typeof current === 'object' && depth < 6;
    depth++, current = current.cause as typeof current
  ) {
    if (typeof current.code === 'string' && networkCode.test(current.code)) return true;
    if (typeof current.message === 'string' && networkMessage.test(current.message)) return true;
  }
  return false;
}
