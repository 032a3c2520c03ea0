import { cursorParam } from '../generated/constants.js';
import { LoopsError, ValidationError } from './errors.js';
import type { FetchedList } from './request.js';
import type { CheckoutSession, CheckoutSessionList, ListParams } from './types.js';
import { checkInteger, checkPlainObject, describeValue } from './validation.js';

/** Fetches one page for a query; retries and timeouts live behind it. */
export type PageLoader = (query: ListParams) => Promise<FetchedList>;

/** Loads the page for query; cursors holds those already sent on this walk. */
export async function loadPage(load: PageLoader, query: ListParams, cursors: Set<string>): Promise<Page> {
  return new Page(await load(query), query, load, cursors);
}

// Set by Page's static block: what the module's walk needs of a page, kept out of Page's public API.
let cursorsOf: (page: Page) => Set<string>;
let nextPage: (page: Page, cursors: Set<string>) => Promise<Page>;

function stop(problem: string, requestId: string | null): never {
  throw new LoopsError(
    `${problem} Stopped paginating, not to loop for ever${requestId ? ` (request ID: ${requestId})` : ''}.`,
  );
}

export interface Page extends CheckoutSessionList {}

/** One page of sessions: the list object as the API sent it, unknown fields included, plus paging helpers. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface types the list fields the constructor copies in.
export class Page {
  /** The `x-request-id` of the response that carried this page. */
  declare readonly requestId: string | null;
  readonly #body: CheckoutSessionList;
  readonly #query: ListParams;
  readonly #load: PageLoader;
  readonly #cursors: Set<string>;

  constructor(fetched: FetchedList, query: ListParams, load: PageLoader, cursors: Set<string>) {
    const last = fetched.body.data.at(-1)?.id;
    // A page that ends at a cursor already sent would make the walk loop for ever: the server
    // repeated itself, or ignores the cursor (whose name is an assumption of the spec).
    if (fetched.body.has_more && cursors.has(last!)) {
      stop(`Page ending at ${last} sent twice: does the API ignore \`${cursorParam}\`?`, fetched.requestId);
    }
    // Each field becomes an own property, except a name the page inherits (`hasNextPage`,
    // `__proto__`, `toString`…): assigning those would hide a method or swap the prototype. They
    // stay in toJSON(), which gives the list exactly as the API sent it.
    for (const name of Object.keys(fetched.body)) {
      if (!(name in this)) {
        Object.defineProperty(this, name, {
          value: (fetched.body as Record<string, unknown>)[name],
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    // Not enumerable, so that the page serializes as the list the API sent.
    Object.defineProperty(this, 'requestId', { value: fetched.requestId });
    this.#body = fetched.body;
    this.#query = query;
    this.#load = load;
    this.#cursors = cursors;
  }

  /** The list object exactly as the API sent it, fields that clash with the page's methods included. */
  toJSON(): CheckoutSessionList {
    return this.#body;
  }

  /** Whether the API has sessions after this page. */
  hasNextPage(): boolean {
    return this.has_more;
  }

  /** The page after this one, with the same filters and options. */
  getNextPage(): Promise<Page> {
    return this.#next(new Set(this.#cursors));
  }

  static {
    cursorsOf = (page) => page.#cursors;
    nextPage = (page, cursors) => page.#next(cursors);
  }

  async #next(cursors: Set<string>): Promise<Page> {
    if (!this.has_more) throw new LoopsError('No next page: check hasNextPage() first.');
    const last = this.data.at(-1);
    if (!last) stop('Empty page with has_more: true, so no cursor.', this.requestId);
    cursors.add(last.id);
    return loadPage(this.#load, { ...this.#query, [cursorParam]: last.id }, cursors);
  }
}

/**
 * Every session from the first page on, one page in memory at a time. A hand-written iterator,
 * not an async generator: delegating generators cost several promise ticks per session.
 */
function walk(first: PromiseLike<Page>): AsyncIterator<CheckoutSession, undefined> {
  let page: Page | undefined;
  let index = 0;
  // One set for the whole walk: copying it per page, as getNextPage() must, would cost O(pages²).
  let cursors: Set<string>;
  const advance = async (): Promise<IteratorResult<CheckoutSession, undefined>> => {
    if (!page) {
      page = await first;
      cursors = new Set(cursorsOf(page));
    }
    while (index === page.data.length) {
      if (!page.has_more) return { done: true, value: undefined };
      page = await nextPage(page, cursors);
      index = 0;
    }
    return { done: false, value: page.data[index++]! };
  };
  return {
    // Sessions of the page in hand are answered at once; only the end of a page awaits the next.
    next: () =>
      page && index < page.data.length ? Promise.resolve({ done: false, value: page.data[index++]! }) : advance(),
  };
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
    const promise = new PagePromise((...callbacks) => (settle = callbacks));
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
    const { limit } = options;
    checkInteger('limit', limit, 1, 10_000, ' (for more, use for await)');
    const sessions: CheckoutSession[] = [];
    for await (const session of this) if (sessions.push(session) >= limit) break;
    return sessions;
  }
}
