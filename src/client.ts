import { operationMetadata } from '../generated/operations.js';
import { APIPromise } from './api-promise.js';
import { checkRequestOptions, listOptionNames } from './call-options.js';
import type { Operation } from './operation.js';
import { type ClientOptions, resolveOptions } from './options.js';
import { Page } from './page.js';
import { type ListOptions, PagePromise } from './pagination.js';
import { baseFetch, createRawClient, type RawClient } from './raw.js';
import { type ClientSettings, call, type RequestOptions } from './request.js';
import { registerKey } from './secrets.js';
import type { CheckoutSession, CheckoutSessionList, ListParams } from './types.js';
import { checkParams, checkPathSegments } from './validation.js';

const listing: Operation = operationMetadata.listCheckoutSessions;
const retrieving: Operation = operationMetadata.retrieveCheckoutSession;

/** `loops.checkout.sessions`: the checkout sessions of your account. */
export class CheckoutSessions {
  readonly #settings: ClientSettings;

  constructor(settings: ClientSettings) {
    this.#settings = settings;
  }

  /**
   * Lists checkout sessions, newest first. Await it for the first page, or iterate it with
   * `for await` for every session across pages. Invalid params or options reject with a
   * ValidationError before any request is sent.
   */
  list(params: ListParams = {}, options: ListOptions = {}): PagePromise {
    // Read before the options are checked, which happens on first use: a bad value rejects then.
    const prefetch = (options as ListOptions | null)?.prefetch !== false;
    return PagePromise.lazy(async (signal) => {
      checkParams(listing.query, params as Record<string, unknown>);
      checkRequestOptions(options, listing, listOptionNames);
      const paging = listing.pagination!;
      const load = async (query: Record<string, unknown>, signal?: AbortSignal): Promise<Page> => {
        // A page's own signal (a prefetch the walk may cancel) and the caller's both abort it.
        const own = signal
          ? { ...options, signal: options.signal ? AbortSignal.any([options.signal, signal]) : signal }
          : options;
        const fetched = await call<CheckoutSessionList>(this.#settings, listing, { query }, own);
        return new Page(fetched, paging, (cursor, next) => load({ ...query, [paging.cursorParam]: cursor }, next));
      };
      return load(params as Record<string, unknown>, signal);
    }, prefetch);
  }

  /**
   * Retrieves one checkout session by its id, as the API sent it (the request ID is in
   * withResponse()). An id the spec does not allow (empty, `.` or `..`) rejects with a
   * ValidationError before any request is sent; an unknown one with a NotFoundError.
   */
  retrieve(id: string, options: RequestOptions = {}): APIPromise<CheckoutSession> {
    return APIPromise.from(
      (async () => {
        const [name] = Object.keys(retrieving.pathParams) as [string];
        const path = { [name]: id };
        checkParams(retrieving.pathParams, path);
        checkPathSegments(path);
        checkRequestOptions(options, retrieving);
        const { body, requestId, response } = await call<CheckoutSession>(
          this.#settings,
          retrieving,
          { path },
          options,
        );
        return { data: body, response, requestId };
      })(),
    );
  }
}

/** The Loops API client. */
export class Loops {
  readonly checkout: { readonly sessions: CheckoutSessions };
  /** The underlying openapi-fetch client, typed by generated/schema.ts, with the same key and base URL. */
  readonly raw: RawClient;

  constructor(options: ClientOptions = {}) {
    const { apiKey, baseUrl, fetch, timeout, maxRetries, maxResponseBytes, log, defaultHeaders } =
      resolveOptions(options);
    // The key lives only inside the raw client's headers: no property of this object holds it.
    this.raw = createRawClient({ apiKey, baseUrl, fetch, maxResponseBytes, defaultHeaders });
    // Redacted from every error while anything that can send with it (the raw client) is alive.
    registerKey(apiKey, this.raw);
    const settings = { raw: this.raw, fetch: baseFetch(fetch), timeout, maxRetries, maxResponseBytes, log };
    this.checkout = { sessions: new CheckoutSessions(settings) };
  }
}
