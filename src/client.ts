import { ValidationError } from './errors.js';
import { type ClientOptions, checkCallSettings, resolveOptions } from './options.js';
import { loadPage, PagePromise } from './pagination.js';
import { baseFetch, createRawClient, type RawClient } from './raw.js';
import { fetchList, type RequestOptions, type Transport } from './request.js';
import type { ListParams } from './types.js';
import { checkPlainObject, describeValue, validateListParams } from './validation.js';

/** Throws a ValidationError unless options are a plain object of valid per-call settings. */
function checkRequestOptions(options: RequestOptions): void {
  checkPlainObject('options', options);
  checkCallSettings(options);
  const { signal } = options;
  if (signal !== undefined && typeof (signal as Partial<AbortSignal> | null)?.addEventListener !== 'function') {
    throw new ValidationError('signal', 'an AbortSignal', describeValue(signal));
  }
}

/** `loops.checkout.sessions`: the checkout sessions of your account. */
export class CheckoutSessions {
  readonly #transport: Transport;

  constructor(transport: Transport) {
    this.#transport = transport;
  }

  /**
   * Lists checkout sessions, newest first. Await it for the first page, or iterate it with
   * `for await` for every session across pages. Invalid params or options reject with a
   * ValidationError before any request is sent.
   */
  list(params: ListParams = {}, options: RequestOptions = {}): PagePromise {
    return PagePromise.lazy(async () => {
      validateListParams(params);
      checkRequestOptions(options);
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
    const { apiKey, baseUrl, fetch, timeout, maxRetries, maxResponseBytes } = resolveOptions(options);
    // The key lives only inside the raw client's headers: no property of this object holds it.
    this.raw = createRawClient({ apiKey, baseUrl, fetch, maxResponseBytes });
    const transport = { raw: this.raw, fetch: baseFetch(fetch), timeout, maxRetries, maxResponseBytes };
    this.checkout = { sessions: new CheckoutSessions(transport) };
  }
}
