/**
 * The SDK's own requests, straight to a transport: each attempt's URL, headers and body built as
 * openapi-fetch builds them for `loops.raw` (its URL and path serializers, the SDK's query
 * serializer, the JSON body, headers merged case-insensitively, the call's over the client's), with
 * the same destination check, but without the `Request`, the `Headers` and the middleware round
 * that openapi-fetch spends on each call (some 25 µs with a stub fetch, in BENCHMARKS.md).
 */
import { createFinalURL, defaultPathSerializer } from 'openapi-fetch';
import { checkDestination } from './base-url.js';
import type { Operation } from './operation.js';
import type { Received, Transport } from './transport.js';

/** What one attempt of an operation sends, before it is built into a URL and headers. */
export interface Attempt {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  /** The JSON body, for an operation that takes one. */
  body: unknown;
  /** The call's own headers, over the client's. */
  headers: Record<string, string> | undefined;
  signal: AbortSignal;
  maxBytes: number;
}

export type Sender = (operation: Operation, attempt: Attempt) => Promise<Received>;

/** Headers by lower-case name, later ones winning, as a `Headers` would merge them. */
function merge(into: Record<string, string>, headers: Record<string, string>): Record<string, string> {
  for (const name in headers) into[name.toLowerCase()] = headers[name]!;
  return into;
}

/** A sender to baseUrl with the client's headers (the key among them), through transport. */
export function createSender(
  baseUrl: string,
  clientHeaders: Record<string, string>,
  querySerializer: (query: Record<string, unknown>) => string,
  transport: Transport,
): Sender {
  const base = merge({}, clientHeaders);
  return async (operation, { path, query, body, headers, signal, maxBytes }) => {
    const url = createFinalURL(operation.path, {
      baseUrl,
      params: { path, query },
      querySerializer,
      pathSerializer: defaultPathSerializer,
    });
    checkDestination(url);
    // A body's content type comes first, so that the client's or the call's headers may change it.
    const sent = merge(
      body === undefined ? { ...base } : { 'content-type': 'application/json', ...base },
      headers ?? {},
    );
    const text = body === undefined ? undefined : JSON.stringify(body);
    return transport({ method: operation.method, url, headers: sent, body: text, signal, maxBytes });
  };
}
