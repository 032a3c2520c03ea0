import { cursorParam } from '../generated/constants.js';
import { LoopsError, ValidationError } from './errors.js';
import type { FetchedList } from './request.js';
import type { CheckoutSession, CheckoutSessionList, ListParams } from './types.js';

/** Fetches one page for the given query; retries and timeouts live behind it. */
export type PageLoader = (query: ListParams) => Promise<FetchedList>;

const maxToArray = 10_000;

/**
 * Loads a page, refusing one that would make a walk loop for ever: a page whose last session is
 * a cursor already sent means the server repeated itself (or ignores the cursor parameter, whose
 * wire name is an assumption of the spec).
 */
export async function loadPage(load: PageLoader, query: ListParams, cursors: ReadonlySet<string>): Promise<Page> {
  const fetched = await load(query);
  const last = fetched.body.data.at(-1)?.id;
  if (fetched.body.has_more && last !== undefined && cursors.has(last)) {
    throw new LoopsError(
      `The API answered the same page twice (it ends at ${last} again), so pagination stopped instead of looping for ever. ` +
        `The server may not understand the \`${cursorParam}\` cursor parameter${requestIdNote(fetched.requestId)}.`,
    );
  }
  return new Page(fetched, query, load, cursors);
}

function requestIdNote(requestId: string | null): string {
  return requestId ? ` (request ID: ${requestId})` : '';
}

export interface Page extends CheckoutSessionList {}

/** One page of sessions: the list object as the API sent it, unknown fields included, plus paging helpers. */
export class Page {
  /** The `x-request-id` of the response that carried this page. */
  declare readonly requestId: string | null;
  readonly #query: ListParams;
  readonly #load: PageLoader;
  readonly #cursors: ReadonlySet<string>;

  constructor(fetched: FetchedList, query: ListParams, load: PageLoader, cursors: ReadonlySet<string>) {
    Object.assign(this, fetched.body);
    Object.defineProperty(this, 'requestId', { value: fetched.requestId, enumerable: false });
    this.#query = query;
    this.#load = load;
    this.#cursors = cursors;
  }

  /** Whether the API has sessions after this page. */
  hasNextPage(): boolean {
    return this.has_more;
  }

  /** The page after this one, with the same filters and options. */
  getNextPage(): Promise<Page> {
    return this.#next(new Set(this.#cursors));
  }

  /** Every session from this page on, one page in memory at a time. */
  static async *walk(first: Page): AsyncGenerator<CheckoutSession, void, undefined> {
    // One set for the whole walk: copying it per page, as getNextPage() must, would cost O(pages²).
    const cursors = new Set(first.#cursors);
    for (let page = first; ; page = await page.#next(cursors)) {
      yield* page.data;
      if (!page.has_more) return;
    }
  }

  async #next(cursors: Set<string>): Promise<Page> {
    if (!this.has_more) {
      throw new LoopsError('This is the last page (has_more is false). Check hasNextPage() before calling getNextPage().');
    }
    const last = this.data.at(-1);
    if (!last) {
      throw new LoopsError(
        `The API said has_more is true but sent no sessions, so there is no cursor to continue from; pagination stopped instead of looping for ever${requestIdNote(this.requestId)}.`,
      );
    }
    cursors.add(last.id);
    return loadPage(this.#load, { ...this.#query, [cursorParam]: last.id }, cursors);
  }
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
    let resolve!: (page: Page) => void;
    let reject!: (reason: unknown) => void;
    const promise = new PagePromise((res, rej) => {
      resolve = res;
      reject = rej;
    });
    promise.#start = () => void load().then(resolve, reject);
    return promise;
  }

  override then<TResult1 = Page, TResult2 = never>(
    onfulfilled?: ((page: Page) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2> {
    const start = this.#start;
    this.#start = undefined;
    start?.();
    return super.then(onfulfilled, onrejected);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<CheckoutSession, void, undefined> {
    yield* Page.walk(await this);
  }

  /** Calls fn on every session, in order, until the last page or until fn returns false. */
  async autoPagingEach(fn: (session: CheckoutSession) => unknown): Promise<void> {
    for await (const session of this) {
      if ((await fn(session)) === false) return;
    }
  }

  /** Collects up to `limit` sessions (at most 10 000) across pages. */
  async autoPagingToArray({ limit }: { limit: number }): Promise<CheckoutSession[]> {
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= maxToArray)) {
      throw new ValidationError('limit', `an integer from 1 to ${maxToArray}; use for await to walk more`, limit);
    }
    const sessions: CheckoutSession[] = [];
    for await (const session of this) {
      sessions.push(session);
      if (sessions.length >= limit) break;
    }
    return sessions;
  }
}
