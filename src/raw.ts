import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './types.js';

/** The fetch signature the SDK calls: openapi-fetch hands it a ready `Request`. */
export type Fetch = (input: Request) => Promise<Response>;

/** The underlying openapi-fetch client, typed by the generated `paths`. */
export type RawClient = Client<paths>;

export interface RawClientOptions {
  apiKey: string;
  baseUrl: string;
  fetch?: Fetch | undefined;
}

/**
 * An openapi-fetch client that sends the key as a bearer token and never follows redirects, so
 * the `Authorization` header cannot be replayed to another host.
 */
export function createRawClient({ apiKey, baseUrl, fetch }: RawClientOptions): RawClient {
  return createClient<paths>({
    baseUrl,
    headers: { Authorization: `Bearer ${apiKey}`, Accept: 'application/json' },
    redirect: 'manual',
    // Read the global at call time, so that a fetch patched after construction (tests, polyfills) is used.
    fetch: fetch ?? ((request) => globalThis.fetch(request)),
  });
}
