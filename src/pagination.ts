import type { WithResponse } from './api-promise.js';
import { ValidationError } from './errors.js';
import { type Page, responseOf, stopPaginating } from './page.js';
import type { CheckoutSession } from './types.js';
import { checkInteger, checkPlainObject, describeValue } from './validation.js';

const done: IteratorReturnResult<undefined> = { done: true, value: undefined };

/**
 * Every session from the first page on, one page in memory at a time, built on the page's public
 * API alone (getPaginatedItems, hasNextPage, getNextPage, nextPageParams). A hand-written iterator,
 * not an async generator: delegating generators cost several promise ticks per session.
 */
function walk(first: PromiseLike<Page>): AsyncIterator<CheckoutSession, undefined> {
  let page: Page | undefined;
  let items: CheckoutSession[] = [];
  let index = 0;
  let finished = false;
  // The page turn in flight: next() calls made meanwhile wait for it and share it, so that two
  // parallel calls at a page boundary get two sessions and send one request.
  let turning: Promise<void> | undefined;
  // Every cursor this walk has sent: a page ending at one of them again means the server repeats itself.
  const sent = new Set<string>();
  const cursorOf = (of: Page) => JSON.stringify(of.nextPageParams());

  const turn = async (): Promise<void> => {
    let next: Page;
    if (!page) {
      next = await first;
    } else if (!page.hasNextPage()) {
      finished = true;
      return;
    } else {
      sent.add(cursorOf(page));
      next = await page.getNextPage();
      if (next.hasNextPage() && sent.has(cursorOf(next))) {
        const [[param, cursor]] = Object.entries(next.nextPageParams()!) as [[string, string]];
        stopPaginating(`Page ending at ${cursor} sent twice: does the API ignore \`${param}\`?`, next.requestId);
      }
    }
    page = next;
    items = next.getPaginatedItems();
    index = 0;
  };

  const next = (): Promise<IteratorResult<CheckoutSession, undefined>> => {
    if (turning) return turning.then(next);
    // Sessions of the page in hand are answered at once; only the end of a page awaits the next.
    if (index < items.length) return Promise.resolve({ done: false, value: items[index++]! });
    if (finished) return Promise.resolve(done);
    turning = turn().then(
      () => {
        turning = undefined;
      },
      (error: unknown) => {
        turning = undefined;
        finished = true;
        throw error;
      },
    );
    return turning.then(next);
  };
  return { next };
}

/**
 * What `list()` returns: a promise of the first page that is also an async iterable over every
 * session of every page, fetched one page at a time as the loop asks for more. Nothing is sent
 * until it is awaited or iterated, so an unused list() costs nothing and rejects nowhere.
 */
export class PagePromise extends Promise<Page> implements AsyncIterable<CheckoutSession> {
  // then(), catch() and finally() return plain promises, not another PagePromise.
  static override get [Symbol.species](): PromiseConstructor {
    return Promise;
  }

  #start: (() => void) | undefined;

  /** A PagePromise that calls load the first time it is awaited or iterated. */
  static lazy(load: () => Promise<Page>): PagePromise {
    let settle!: [(page: Page) => void, (reason: unknown) => void];
    const promise = new PagePromise((...callbacks) => {
      settle = callbacks;
    });
    promise.#start = () => void load().then(...settle);
    return promise;
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

  [Symbol.asyncIterator](): AsyncIterator<CheckoutSession, undefined> {
    return walk(this);
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
    for await (const session of this) if (sessions.push(session) >= options.limit) break;
    return sessions;
  }
}
