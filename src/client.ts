import { PagePromise, loadPage } from './pagination.js';
import { createRawClient, type RawClient } from './raw.js';
import { fetchList, type RequestOptions, type Transport } from './request.js';
import { resolveOptions, type ClientOptions } from './options.js';
import type { ListParams } from './types.js';
import { validateListParams } from './validation.js';

/** `loops.checkout.sessions`: the checkout sessions of your account. */
export class CheckoutSessions {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * Lists checkout sessions, newest first. Await it for the first page, or iterate it with
   * `for await` for every session across pages. Invalid params reject with a ValidationError
   * before any request is sent.
   */
  list(params: ListParams = {}, options: RequestOptions = {}): PagePromise {
    return PagePromise.lazy(async () => {
      validateListParams(params);
      return loadPage((query) => fetchList(this.#transport, query, options), params, new Set());
    });
  }
}

/** The Loops API client. */
export class Loops {
  readonly checkout: { readonly sessions: CheckoutSessions };
  /** The underlying openapi-fetch client, typed by generated/schema.ts, with the same key and base URL. */
  readonly raw: RawClient;

  constructor(options: ClientOptions = {}) {
    const { apiKey, baseUrl, fetch, timeout, maxRetries } = resolveOptions(options);
    // The key lives only inside the raw client's headers: no property of this object holds it.
    this.raw = createRawClient({ apiKey, baseUrl, fetch });
    this.checkout = { sessions: new CheckoutSessions({ raw: this.raw, timeout, maxRetries }) };
  }
}
