/**
 * The SDK's own requests, straight to a transport: each attempt's URL, headers and body built as
 * openapi-fetch builds them for `loops.raw` (its URL and path serializers, the SDK's query
 * serializer, the JSON body, headers merged case-insensitively, the call's over the client's),
 * without the `Request`, the `Headers` and the middleware round that openapi-fetch spends on each
 * call. The raw client's destination check is not repeated: these URLs are the client's `baseUrl`,
 * checked when the client was made, then a path of the spec whose parameters are percent-encoded
 * (and never `.` or `..`, validation.ts) and a query: nothing that can change the origin.
 */
import { createFinalURL, defaultPathSerializer } from 'openapi-fetch';
import { sentValue } from './header-rules.js';
import type { Operation } from './operation.js';
import type { Sent, Transport } from './transport.js';

/** What one attempt of an operation sends, before it is built into a URL and headers. */
export interface Attempt {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  /** The JSON body, for an operation that takes one. */
  body: unknown;
  /** The call's own headers, over the client's. */
  headers: Record<string, string> | undefined;
  maxBytes: number;
}

export type Sender = (operation: Operation, attempt: Attempt) => Sent;

/**
 * Headers by lower-case name, later ones winning, each value as fetch sends it: as a `Headers` would
 * merge them, whichever transport sends them. The client's are merged once, when it is made.
 */
function merge(into: Record<string, string>, headers: Record<string, string>): Record<string, string> {
  for (const name in headers) into[name.toLowerCase()] = sentValue(headers[name]!);
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
  return (operation, { path, query, body, headers, maxBytes }) => {
    const url = createFinalURL(operation.path, {
      baseUrl,
      // A path without parameters skips the path serializer's search for them.
      params: operation.path.includes('{') ? { path, query } : { query },
      querySerializer,
      pathSerializer: defaultPathSerializer,
    });
    // A body's content type comes first, so that the client's or the call's headers may change it.
    // Transports do not change the headers they are given: the client's are sent as they are.
    const sent =
      body === undefined && !headers
        ? base
        : merge(body === undefined ? { ...base } : { 'content-type': 'application/json', ...base }, headers ?? {});
    const text = body === undefined ? undefined : JSON.stringify(body);
    return transport({ method: operation.method, url, headers: sent, body: text, maxBytes });
  };
}
