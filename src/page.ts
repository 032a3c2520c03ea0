import { LoopsError } from './errors.js';
import type { Pagination } from './operation.js';
import type { Fetched } from './response.js';
import type { CheckoutSession, CheckoutSessionList } from './types.js';

/** Loads the page that starts after cursor, with the first page's filters and options. */
export type NextPageLoader = (cursor: string, signal: AbortSignal | undefined) => Promise<Page>;

/** Ends auto-pagination with a LoopsError, rather than loop for ever on a server that repeats itself. */
export function stopPaginating(problem: string, requestId: string | null): never {
  const id = requestId ? ` (request ID: ${requestId})` : '';
  throw new LoopsError(`${problem} Stopped paginating, not to loop for ever${id}.`);
}

/** Ends auto-pagination on a page that ends at a cursor already sent: the server repeats itself. */
export function stopRepeatedPage(page: Page): never {
  const [[param, cursor]] = Object.entries(page.nextPageParams()!) as [[string, string]];
  stopPaginating(`Page ending at ${cursor} sent twice: does the API ignore \`${param}\`?`, page.requestId);
}

// The response each page came in, for PagePromise.withResponse(): kept off the page itself, whose
// fields are the list the API sent.
const responses = new WeakMap<Page, Response>();

/** The final response that carried page. */
export function responseOf(page: Page): Response {
  return responses.get(page)!;
}

export interface Page extends CheckoutSessionList {}

/** One page of sessions: the list object as the API sent it, unknown fields included, plus paging helpers. */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the interface types the list fields the constructor copies in.
export class Page {
  readonly #requestId: string | null;
  readonly #body: CheckoutSessionList;
  readonly #paging: Pagination;
  readonly #loadNext: NextPageLoader;

  constructor(fetched: Fetched<CheckoutSessionList>, paging: Pagination, loadNext: NextPageLoader) {
    // Each field becomes an own property, except a name the page inherits (`hasNextPage`,
    // `requestId`, `__proto__`, `toString`…): assigning those would hide a method or the header's
    // value, or swap the prototype. They stay in toJSON(), the list as the API sent it.
    for (const [name, value] of Object.entries(fetched.body)) {
      if (!(name in this))
        Object.defineProperty(this, name, { value, enumerable: true, writable: true, configurable: true });
    }
    this.#requestId = fetched.requestId;
    responses.set(this, fetched.response);
    this.#body = fetched.body;
    this.#paging = paging;
    this.#loadNext = loadNext;
  }

  /** The `x-request-id` of the response that carried this page (a getter: the page serializes as the list). */
  get requestId(): string | null {
    return this.#requestId;
  }

  /** The list object exactly as the API sent it, fields that clash with the page's methods included. */
  toJSON(): CheckoutSessionList {
    return this.#body;
  }

  /** The sessions of this page. */
  getPaginatedItems(): CheckoutSession[] {
    return (this.#body as unknown as Record<string, CheckoutSession[]>)[this.#paging.itemsField]!;
  }

  /** Whether the API has sessions after this page. */
  hasNextPage(): boolean {
    return (this.#body as unknown as Record<string, unknown>)[this.#paging.hasMoreField] === true;
  }

  /**
   * The query parameter that asks for the page after this one, such as `{ starting_after: 'cs_…' }`,
   * or null on the last page. Pass it to list() to resume a walk later.
   */
  nextPageParams(): Record<string, string> | null {
    const last = this.getPaginatedItems().at(-1) as Record<string, unknown> | undefined;
    const cursor = last?.[this.#paging.cursorField];
    return this.hasNextPage() && typeof cursor === 'string' ? { [this.#paging.cursorParam]: cursor } : null;
  }

  /**
   * The page after this one, with the same filters and options. `signal` aborts this request alone
   * (auto-pagination cancels a prefetched page with it); the list's own `signal` still applies.
   */
  async getNextPage({ signal }: { signal?: AbortSignal | undefined } = {}): Promise<Page> {
    if (!this.hasNextPage()) throw new LoopsError('No next page: check hasNextPage() first.');
    const params = this.nextPageParams();
    if (!params) stopPaginating('Empty page with has_more: true, so no cursor.', this.requestId);
    const cursor = params[this.#paging.cursorParam]!;
    const next = await this.#loadNext(cursor, signal);
    // A server that ignores the cursor answers this page again, ending where it ended.
    if (next.hasNextPage() && next.nextPageParams()?.[this.#paging.cursorParam] === cursor) stopRepeatedPage(next);
    return next;
  }
}
