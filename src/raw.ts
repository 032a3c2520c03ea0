import createClient, { type Client, createQuerySerializer } from 'openapi-fetch';
import { destinationProblem, showUrl } from './base-url.js';
import { defaultMaxResponseBytes, limitBody } from './body.js';
import { LoopsError } from './errors.js';
import { userAgent } from './identity.js';
import type { paths } from './types.js';

/** The fetch signature the SDK calls: openapi-fetch hands it a ready `Request`. */
export type Fetch = (input: Request) => Promise<Response>;

/** The underlying openapi-fetch client, typed by the generated `paths`. */
export type RawClient = Client<paths>;

export interface RawClientOptions {
  apiKey: string;
  baseUrl: string;
  fetch?: Fetch | undefined;
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
 */
function serializeQuery(query: Record<string, unknown>): string {
  // No prototype, so that a parameter named `__proto__` is a parameter like any other.
  const encoded: Record<string, unknown> = Object.create(null);
  for (const [name, value] of Object.entries(query)) encoded[encodeURIComponent(name)] = value;
  return serializeValues(encoded);
}

/**
 * An openapi-fetch client that sends the key as a bearer token, never follows redirects (so the
 * `Authorization` header cannot be replayed to another host), and refuses, before sending, any
 * request to a URL the key may not go to: a per-call `baseUrl` or `fetch` does not get around it.
 */
export function createRawClient(options: RawClientOptions): RawClient {
  const { apiKey, baseUrl, fetch, maxResponseBytes = defaultMaxResponseBytes, defaultHeaders } = options;
  const agent = userAgent();
  const client = createClient<paths>({
    baseUrl,
    headers: {
      Accept: 'application/json',
      ...(agent && { 'User-Agent': agent }),
      ...defaultHeaders,
      Authorization: `Bearer ${apiKey}`,
    },
    redirect: 'manual',
    querySerializer: serializeQuery,
    fetch: boundedFetch(baseFetch(fetch), maxResponseBytes),
  });
  client.use({
    onRequest({ request }) {
      const problem = destinationProblem(new URL(request.url));
      if (problem)
        throw new LoopsError(`Refusing to send a request to ${showUrl(request.url)}: ${problem}. Nothing was sent.`);
    },
  });
  return client;
}
