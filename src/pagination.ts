import type { WithResponse } from './api-promise.js';
import { ValidationError } from './errors.js';
import { type Page, responseOf } from './page.js';
import type { RequestOptions } from './request.js';
import type { CheckoutSession } from './types.js';
import { checkInteger, checkPlainObject, describeValue } from './validation.js';
import { walk } from './walk.js';

/** Options of a `list()` call: those of every call, and how auto-pagination fetches. */
export interface ListOptions extends RequestOptions {
  /**
   * Whether auto-pagination requests the next page while you read this one. Default true: a walk
   * whose loop does work per page runs faster (1.4× with pages 5 ms away and 10 ms of work a page,
   * in BENCHMARKS.md), for at most one page requested in vain when it stops early (that request is
   * aborted). False fetches each page only when the loop reaches it.
   */
  prefetch?: boolean | undefined;
}

/**
 * What `list()` returns: a promise of the first page that is also an async iterable over every
 * session of every page. While the loop reads one page, the next is requested (unless the call's
 * `prefetch` option is false). Nothing is sent until it is awaited or iterated, so an unused list()
 * costs nothing and rejects nowhere.
 */
export class PagePromise extends Promise<Page> implements AsyncIterable<CheckoutSession> {
  // then(), catch() and finally() return plain promises, not another PagePromise.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  #start: ((signal?: AbortSignal) => void) | undefined;
  #prefetch = true;

  /**
   * A PagePromise that calls load the first time it is awaited or iterated; a walk that starts it
   * passes the signal that its early stop aborts.
   */
  static lazy(load: (signal?: AbortSignal) => Promise<Page>, prefetch: boolean): PagePromise {
    let settle!: [(page: Page) => void, (reason: unknown) => void];
    const promise = new PagePromise((...callbacks) => {
      settle = callbacks;
    });
    promise.#start = (signal) => void load(signal).then(...settle);
    promise.#prefetch = prefetch;
    return promise;
  }

  /** A walk over every session, the first page included when nothing has started it yet, up to wanted. */
  #walk(wanted: number): AsyncIterator<CheckoutSession> {
    // Its early stop (break, return(), enough sessions) aborts whatever request of the walk is in flight.
    const controller = new AbortController();
    this.#start?.(controller.signal);
    this.#start = undefined;
    return walk(this, { prefetch: this.#prefetch, wanted, controller });
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is a promise; then() is where it starts its work.
  override then<TResult1 = Page, TResult2 = never>(
    onfulfilled?: ((page: Page) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    this.#start?.();
    this.#start = undefined;
    return super.then(onfulfilled, onrejected);
  }

  /** The first page with the response it came in and its request ID. */
  withResponse(): Promise<WithResponse<Page>> {
    return this.then((page) => ({ data: page, response: responseOf(page), requestId: page.requestId }));
  }

  [Symbol.asyncIterator](): AsyncIterator<CheckoutSession> {
    return this.#walk(Number.POSITIVE_INFINITY);
  }

  /** Calls fn on every session, in order, until the last page or until fn returns false. */
  async autoPagingEach(fn: (session: CheckoutSession) => unknown): Promise<void> {
    if (typeof fn !== 'function')
      throw new ValidationError('fn', 'a function called with each session', describeValue(fn));
    for await (const session of this) if ((await fn(session)) === false) return;
  }

  /** Collects up to `limit` sessions, 10 000 at most, across pages. */
  async autoPagingToArray(options: { limit: number }): Promise<CheckoutSession[]> {
    checkPlainObject('options', options);
    checkInteger('limit', options.limit, 1, 10_000, ' (for more, use for await)');
    const sessions: CheckoutSession[] = [];
    // A walk told how many sessions are wanted prefetches no page past them.
    const sessionsWanted = { [Symbol.asyncIterator]: () => this.#walk(options.limit) };
    for await (const session of sessionsWanted) if (sessions.push(session) >= options.limit) break;
    return sessions;
  }
}
