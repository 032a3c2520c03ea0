import { LoopsError } from './errors.js';
import type { Pagination } from './operation.js';
import type { Fetched } from './response.js';

/** Query parameters that ask for the page after this one: `{ starting_after: 'cs_…' }` or `{ offset: 200 }`. */
export type PageParams = Record<string, string | number>;

/** A page with the list's own fields as the API sent them: what `list()` resolves to. */
export type PageOf<Item, List, Next extends PageParams = Record<string, string>> = Page<Item, List, Next> & List;

/** Whether the request for the page after this one is written at once (node:http), not when the event loop turns. */
export const writesAtOnce = Symbol('writesAtOnce');

/** What a walk needs of a page: its public paging methods, whatever its items. */
export interface Pageable<Item> {
  readonly requestId: string | null;
  getPaginatedItems(): Item[];
  hasNextPage(): boolean;
  nextPageParams(): PageParams | null;
  getNextPage(options?: { signal?: AbortSignal | undefined }): Promise<Pageable<Item>>;
  [writesAtOnce]?(): boolean;
}

/** Loads the page that the params ask for, with the first page's filters and options. */
export type NextPageLoader<Item, List, Next extends PageParams> = (
  params: Next,
  signal: AbortSignal | undefined,
) => Promise<PageOf<Item, List, Next>>;

/** How one page was asked for: its pagination rules, the query it was sent with, and its page size. */
export interface PageRequest {
  paging: Pagination;
  query: Record<string, unknown>;
  /** The page size asked for, or the spec's default: a full page of an offset list may have a next one. */
  pageSize: number | undefined;
  /** Whether the next page's request would be written at once (node:http). */
  writesAtOnce?: () => boolean;
}

/** Ends auto-pagination with a LoopsError, rather than loop for ever on a server that repeats itself. */
export function stopPaginating(problem: string, requestId: string | null): never {
  const id = requestId ? ` (request ID: ${requestId})` : '';
  throw new LoopsError(`${problem} Stopped paginating, not to loop for ever${id}.`);
}

/** Ends auto-pagination on a page that ends where a page already asked for ended: the server repeats itself. */
export function stopRepeatedPage(page: Pageable<unknown>): never {
  const [[param, at]] = Object.entries(page.nextPageParams()!) as [[string, string]];
  stopPaginating(`Page ending at ${at} sent twice: does the API ignore \`${param}\`?`, page.requestId);
}

/** Whether two pages hold the same items: as many, the first and the last alike (as JSON). */
function sameItems(one: unknown[], other: unknown[]): boolean {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  return one.length > 0 && one.length === other.length && same(one[0], other[0]) && same(one.at(-1), other.at(-1));
}

// The response each page came in, for PagePromise.withResponse(): a private field, off the page's
// own fields, which are the list the API sent.
let responseOfPage: (page: object) => Response;

/** The final response that carried page. */
export function responseOf(page: object): Response {
  return responseOfPage(page);
}

/** One page of a list: the list object as the API sent it, unknown fields included, plus paging helpers. */
export class Page<Item, List, Next extends PageParams = Record<string, string>> {
  readonly #requestId: string | null;
  readonly #response: Response;
  readonly #body: List;
  readonly #asked: PageRequest;
  readonly #loadNext: NextPageLoader<Item, List, Next>;

  static {
    responseOfPage = (page) => (page as Page<unknown, unknown>).#response;
  }

  constructor(fetched: Fetched<List>, asked: PageRequest, loadNext: NextPageLoader<Item, List, Next>) {
    // Each field becomes an own property, except a name the page inherits (`hasNextPage`,
    // `requestId`, `__proto__`, `toString`…): assigning those would hide a method or the header's
    // value, or swap the prototype. They stay in toJSON(), the list as the API sent it. Any other
    // name has no setter on the way, so that assigning it makes a plain own field.
    const body = fetched.body as Record<string, unknown>;
    for (const name of Object.keys(body)) if (!(name in this)) (this as Record<string, unknown>)[name] = body[name];
    this.#requestId = fetched.requestId;
    this.#response = fetched.response;
    this.#body = fetched.body;
    this.#asked = asked;
    this.#loadNext = loadNext;
  }

  [writesAtOnce](): boolean {
    return this.#asked.writesAtOnce?.() ?? false;
  }

  /** The `x-request-id` of the response that carried this page (a getter: the page serializes as the list). */
  get requestId(): string | null {
    return this.#requestId;
  }

  /** The list object exactly as the API sent it, fields that clash with the page's methods included. */
  toJSON(): List {
    return this.#body;
  }

  #field(name: string): unknown {
    return (this.#body as Record<string, unknown>)[name];
  }

  /** The items of this page. */
  getPaginatedItems(): Item[] {
    return this.#field(this.#asked.paging.itemsField) as Item[];
  }

  /** Whether the API has items after this page. */
  hasNextPage(): boolean {
    const { paging, query, pageSize } = this.#asked;
    if (paging.style === 'cursor' || paging.hasMoreField) return this.#field(paging.hasMoreField!) === true;
    const received = this.getPaginatedItems().length;
    const total = paging.totalField === undefined ? undefined : this.#field(paging.totalField);
    if (typeof total === 'number') return Number(query[paging.offsetParam] ?? 0) + received < total;
    // Neither a flag nor a total: a full page may have a next one, which an empty page ends.
    return received > 0 && (pageSize === undefined || received >= pageSize);
  }

  /**
   * The query parameter that asks for the page after this one, such as `{ starting_after: 'cs_…' }`
   * or `{ offset: 200 }`, or null on the last page. Pass it to list() to resume a walk later.
   */
  nextPageParams(): Next | null {
    if (!this.hasNextPage()) return null;
    const { paging, query } = this.#asked;
    const items = this.getPaginatedItems();
    if (paging.style === 'offset') {
      return items.length
        ? ({ [paging.offsetParam]: Number(query[paging.offsetParam] ?? 0) + items.length } as Next)
        : null;
    }
    const cursor = (items.at(-1) as Record<string, unknown> | undefined)?.[paging.cursorField];
    return typeof cursor === 'string' ? ({ [paging.cursorParam]: cursor } as Next) : null;
  }

  /**
   * The page after this one, with the same filters and options. `signal` aborts this request alone
   * (auto-pagination cancels a prefetched page with it); the list's own `signal` still applies.
   */
  async getNextPage({ signal }: { signal?: AbortSignal | undefined } = {}): Promise<PageOf<Item, List, Next>> {
    if (!this.hasNextPage()) throw new LoopsError('No next page: check hasNextPage() first.');
    const params = this.nextPageParams();
    if (!params) {
      const { paging } = this.#asked;
      const problem =
        paging.style === 'cursor'
          ? `Empty page with ${paging.hasMoreField}: true, so no cursor.`
          : 'Empty page before the end of the list, so no next offset.';
      stopPaginating(problem, this.requestId);
    }
    const next = await this.#loadNext(params, signal);
    // A server that ignores the cursor answers this page again, ending where it ended.
    const [param, at] = Object.entries(params)[0]!;
    if (next.hasNextPage() && next.nextPageParams()?.[param] === at) stopRepeatedPage(next);
    // One that ignores the offset answers the same items at every offset, which never end the same way.
    if (
      this.#asked.paging.style === 'offset' &&
      next.hasNextPage() &&
      sameItems(this.getPaginatedItems(), next.getPaginatedItems())
    ) {
      stopPaginating(
        `Page at ${param} ${at} holds the items of the page before: does the API ignore \`${param}\`?`,
        next.requestId,
      );
    }
    return next;
  }
}
