import createClient, { type Client, createQuerySerializer, type Middleware } from 'openapi-fetch';
import type { paths } from '../generated/schema.js';
import { checkDestination } from './base-url.js';
import { defaultMaxResponseBytes, limitBody } from './body.js';
import { userAgent } from './identity.js';
import { nodeHttpAllowed, nodeHttpTransport } from './node-http.js';
import { createSender, type Sender } from './sender.js';
import { type Fetch, fetchTransport, type Transport } from './transport.js';

export type { Fetch };

/** The underlying openapi-fetch client, typed by the generated `paths`. */
export type RawClient = Client<paths>;

export interface RawClientOptions {
  apiKey: string;
  baseUrl: string;
  fetch?: Fetch | undefined;
  /** Send the SDK's own requests through node:http where it can (Node, no `fetch` given). Default true. */
  nodeHttp?: boolean | undefined;
  /** Default 32 MiB. */
  maxResponseBytes?: number | undefined;
  /** Headers for every request, under the key and the User-Agent. */
  defaultHeaders?: Record<string, string> | undefined;
}

/** The fetch to call: the one given, or the global one read at call time (so that tests and polyfills can patch it). */
export function baseFetch(fetch: Fetch | undefined): Fetch {
  return fetch ?? ((request) => globalThis.fetch(request));
}

/** A fetch whose response bodies stop at maxBytes. */
export function boundedFetch(fetch: Fetch, maxBytes: number): Fetch {
  return async (request) => limitBody(await fetch(request), maxBytes);
}

const serializeValues = createQuerySerializer();

/**
 * A query string with every name percent-encoded as its value is: openapi-fetch encodes values
 * alone, so a name such as `a&limit` would add a parameter and `x#y` would cut the query short.
 * Otherwise as openapi-fetch writes it: a value undefined or null left out, an array or object
 * written by its serializer, a primitive as `name=value` here (a third of the cost).
 */
function serializeQuery(query: Record<string, unknown>): string {
  let search = '';
  for (const name in query) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    // A computed key, so that a parameter named `__proto__` is a parameter like any other.
    const pair =
      typeof value === 'object'
        ? serializeValues({ [encodeURIComponent(name)]: value })
        : `${encodeURIComponent(name)}=${encodeURIComponent(value as string)}`;
    if (pair) search += search ? `&${pair}` : pair;
  }
  return search;
}

// The sender of each raw client, whether middleware of the caller's sits on it, and whether its
// requests go through node:http now.
const senders = new WeakMap<RawClient, { send: Sender; middleware: Set<Middleware>; viaNodeHttp: () => boolean }>();

/**
 * How the SDK sends its own calls with raw's key and headers: straight through the transport, or
 * undefined while middleware added by `raw.use()` is on raw, which must then see those calls too
 * (they go through openapi-fetch and fetch).
 */
export function senderOf(raw: RawClient): Sender | undefined {
  const entry = senders.get(raw)!;
  return entry.middleware.size ? undefined : entry.send;
}

/**
 * Whether the SDK's calls on raw go through node:http now, which writes a request before the next
 * turn of the event loop: fetch on Node 22 and 24 waits for the loop to turn (walk.ts).
 */
export function viaNodeHttp(raw: RawClient): boolean {
  const entry = senders.get(raw)!;
  return entry.middleware.size === 0 && entry.viaNodeHttp();
}

/** The transport of the SDK's own calls: node:http on Node while it may be used, else fetch. */
function transportFor(fetch: Fetch | undefined, nodeHttp: boolean): [Transport, () => boolean] {
  const viaFetch = fetchTransport(fetch);
  const viaNode = fetch === undefined && nodeHttp ? nodeHttpTransport() : undefined;
  if (!viaNode) return [viaFetch, () => false];
  return [(outgoing) => (nodeHttpAllowed() ? viaNode : viaFetch)(outgoing), nodeHttpAllowed];
}

/**
 * An openapi-fetch client that sends the key as a bearer token, never follows redirects (so the
 * `Authorization` header cannot be replayed to another host), and refuses, before sending, any
 * request to a URL the key may not go to: a per-call `baseUrl` or `fetch` does not get around it.
 * Beside it, a sender of the SDK's own calls with the same headers and the same rules.
 */
export function createRawClient(options: RawClientOptions): RawClient {
  const { apiKey, baseUrl, fetch, nodeHttp = true, maxResponseBytes = defaultMaxResponseBytes } = options;
  const agent = userAgent();
  const headers = {
    Accept: 'application/json',
    ...(agent && { 'User-Agent': agent }),
    ...options.defaultHeaders,
    Authorization: `Bearer ${apiKey}`,
  };
  const client = createClient<paths>({
    baseUrl,
    headers,
    redirect: 'manual',
    querySerializer: serializeQuery,
    fetch: boundedFetch(baseFetch(fetch), maxResponseBytes),
  });
  client.use({ onRequest: ({ request }) => checkDestination(request.url) });
  const middleware = new Set<Middleware>();
  const { use, eject } = client;
  client.use = (...added) => {
    use(...added);
    for (const one of added) if (one) middleware.add(one);
  };
  client.eject = (...removed) => {
    eject(...removed);
    for (const one of removed) middleware.delete(one);
  };
  const [transport, nodeNow] = transportFor(fetch, nodeHttp);
  senders.set(client, {
    send: createSender(baseUrl, headers, serializeQuery, transport),
    middleware,
    viaNodeHttp: nodeNow,
  });
  return client;
}
