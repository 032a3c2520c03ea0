/**
 * What every client shares, whatever its resources: the options resolved and checked, the raw
 * openapi-fetch client that alone holds the key, and the engine that the generated resources call.
 */
import { Engine } from './engine.js';
import { type ClientOptions, resolveOptions } from './options.js';
import { baseFetch, createRawClient, type RawClient } from './raw.js';
import { registerKey } from './secrets.js';

// The engine of each client, out of its public properties.
const engines = new WeakMap<LoopsClient, Engine>();

/** The engine of a client, for the generated resources it holds. */
export function engineOf(client: LoopsClient): Engine {
  return engines.get(client)!;
}

/** The base of the generated `Loops` client. */
export class LoopsClient {
  /** The underlying openapi-fetch client, typed by generated/schema.ts, with the same key and base URL. */
  readonly raw: RawClient;

  constructor(options: ClientOptions = {}) {
    const { apiKey, baseUrl, fetch, nodeHttp, timeout, maxRetries, maxResponseBytes, log, defaultHeaders } =
      resolveOptions(options);
    // The key lives only inside the raw client's headers and its sender's: no property of this object holds it.
    this.raw = createRawClient({ apiKey, baseUrl, fetch, nodeHttp, maxResponseBytes, defaultHeaders });
    // Redacted from every error while anything that can send with it (the raw client) is alive.
    registerKey(apiKey, this.raw);
    const settings = { raw: this.raw, fetch: baseFetch(fetch), timeout, maxRetries, maxResponseBytes, log };
    engines.set(this, new Engine(settings));
  }
}
