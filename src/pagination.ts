import type { WithResponse } from './api-promise.js';
import { ValidationError } from './errors.js';
import { type PageOf, type PageParams, responseOf } from './page.js';
import type { RequestOptions } from './request.js';
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
 * item of every page. While the loop reads one page, the next is requested (unless the call's
 * `prefetch` option is false). Nothing is sent until it is awaited or iterated, so an unused list()
 * costs nothing and rejects nowhere.
 */
export class PagePromise<Item, List, Next extends PageParams = Record<string, string>>
  extends Promise<PageOf<Item, List, Next>>
  implements AsyncIterable<Item>
{
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
  static lazy<Item, List, Next extends PageParams>(
    load: (signal?: AbortSignal) => Promise<PageOf<Item, List, Next>>,
    prefetch: boolean,
  ): PagePromise<Item, List, Next> {
    let settle!: [(page: PageOf<Item, List, Next>) => void, (reason: unknown) => void];
    const promise = new PagePromise<Item, List, Next>((...callbacks) => {
      settle = callbacks;
    });
    promise.#start = (signal) => void load(signal).then(...settle);
    promise.#prefetch = prefetch;
    return promise;
  }

  /** A walk over every item, the first page included when nothing has started it yet, up to wanted. */
  #walk(wanted: number): AsyncIterator<Item> {
    // Its early stop (break, return(), enough items) aborts whatever request of the walk is in flight.
    const controller = new AbortController();
    this.#start?.(controller.signal);
    this.#start = undefined;
    return walk<Item>(this, { prefetch: this.#prefetch, wanted, controller });
  }

  // biome-ignore lint/suspicious/noThenProperty: a PagePromise is a promise; then() is where it starts its work.
  override then<TResult1 = PageOf<Item, List, Next>, TResult2 = never>(
    onfulfilled?: ((page: PageOf<Item, List, Next>) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    this.#start?.();
    this.#start = undefined;
    return super.then(onfulfilled, onrejected);
  }

  /** The first page with the response it came in and its request ID. */
  withResponse(): Promise<WithResponse<PageOf<Item, List, Next>>> {
    return this.then((page) => ({ data: page, response: responseOf(page), requestId: page.requestId }));
  }

  [Symbol.asyncIterator](): AsyncIterator<Item> {
    return this.#walk(Number.POSITIVE_INFINITY);
  }

  /** Calls fn on every item, in order, until the last page or until fn returns false. */
  async autoPagingEach(fn: (item: Item) => unknown): Promise<void> {
    if (typeof fn !== 'function')
      throw new ValidationError('fn', 'a function called with each item', describeValue(fn));
    for await (const item of this) if ((await fn(item)) === false) return;
  }

  /** Collects up to `limit` items, 10 000 at most, across pages. */
  async autoPagingToArray(options: { limit: number }): Promise<Item[]> {
    checkPlainObject('options', options);
    checkInteger('limit', options.limit, 1, 10_000, ' (for more, use for await)');
    const items: Item[] = [];
    // A walk told how many items are wanted prefetches no page past them.
    const itemsWanted = { [Symbol.asyncIterator]: () => this.#walk(options.limit) };
    for await (const item of itemsWanted) if (items.push(item) >= options.limit) break;
    return items;
  }
}
