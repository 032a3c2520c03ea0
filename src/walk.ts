import { type Pageable, stopRepeatedPage, writesAtOnce } from './page.js';

export interface WalkOptions {
  /** Request the next page as soon as a page arrives, while its items are yielded. */
  prefetch: boolean;
  /** The most items the caller will take: no page past them is prefetched. */
  wanted: number;
  /** Aborted when the caller stops early: every request of the walk follows its signal. */
  controller: AbortController;
}

const done: IteratorReturnResult<undefined> = { done: true, value: undefined };

// The runaway guard remembers the last 1 000 cursors a walk sent (some 200 kB), not all of them: a walk of
// a million sessions at 100 a page would otherwise keep 2 MB, and a longer one more, growing for ever. A
// server that cycles through more pages than that is, to any client, an endless list.
const cursorsRemembered = 1_000;

// Node 22 and 24's fetch writes a request only when the event loop turns: a prefetch followed by the
// caller's synchronous work would sit unsent until that work ends, and gain nothing. How many turns:
// measured on loopback, the first prefetch of a walk left during the work after one turn in 1 of 6
// tries on Node 22 and 0 of 6 on Deno; after two, 20 of 20 on Node 22 and 24 and Bun, 19 of 20 on
// Deno; after three, 20 of 20 everywhere. node:http writes it in the process.nextTick queued when the
// request was made: waiting for the next tick is enough there, and three turns cost a walk at 5 ms
// some 0.15 ms of CPU a page (BENCHMARKS.md).
const turnsToSend = 3;
const nextTurn = () =>
  new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve)));
const nextTick = () => new Promise<void>((resolve) => process.nextTick(resolve));

/** Waits until a request just made has been written, as far as page's transport tells. */
async function untilSent(page: Pageable<unknown>): Promise<void> {
  if (page[writesAtOnce]?.()) return nextTick();
  for (let turn = 0; turn < turnsToSend; turn++) await nextTurn();
}

/**
 * Every item from the first page on, built on the page's public API alone (getPaginatedItems,
 * hasNextPage, getNextPage, nextPageParams). With prefetch, one page is requested ahead while the
 * caller reads the one in hand: at most one request in flight, aborted if the caller stops early,
 * and its error held until the caller reaches it. A hand-written iterator, not an async generator:
 * delegating generators cost several promise ticks per item.
 */
export function walk<Item>(
  first: PromiseLike<Pageable<Item>>,
  { prefetch, wanted, controller }: WalkOptions,
): AsyncIterator<Item> {
  type AnyPage = Pageable<Item>;
  let page: AnyPage | undefined;
  let items: Item[] = [];
  let index = 0;
  // Items of the pages before the one in hand.
  let delivered = 0;
  let finished = false;
  let stopped = false;
  // The page turn in flight: next() calls made meanwhile wait for it and share it, so that two
  // parallel calls at a page boundary get two items and send one request.
  let turning: Promise<void> | undefined;
  // The page after the one in hand, requested ahead.
  let ahead: Promise<AnyPage> | undefined;
  // The cursors this walk has sent lately: a page ending at one of them again means the server repeats itself.
  const sent = new Set<string>();
  const cursorOf = (of: AnyPage) => JSON.stringify(of.nextPageParams());

  const requestAfter = (from: AnyPage): Promise<AnyPage> => {
    sent.add(cursorOf(from));
    // A Set iterates in insertion order: the first value is the oldest cursor.
    if (sent.size > cursorsRemembered) sent.delete(sent.values().next().value!);
    return from.getNextPage({ signal: controller.signal });
  };

  const turn = async (): Promise<void> => {
    let next: AnyPage;
    if (!page) {
      next = await first;
    } else if (!page.hasNextPage()) {
      finished = true;
      return;
    } else {
      const pending = ahead ?? requestAfter(page);
      ahead = undefined;
      next = await pending;
      if (next.hasNextPage() && sent.has(cursorOf(next))) stopRepeatedPage(next);
    }
    delivered += items.length;
    page = next;
    items = next.getPaginatedItems();
    index = 0;
    if (prefetch && !stopped && next.hasNextPage() && delivered + items.length < wanted) {
      ahead = requestAfter(next);
      // Held until the caller reaches that page, or dropped with an early stop: never unhandled.
      ahead.catch(() => {});
      await untilSent(next);
    }
  };

  const next = (): Promise<IteratorResult<Item, undefined>> => {
    if (stopped) return Promise.resolve(done);
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
        // The caller stopped while this page was on its way: its abort is no error of theirs.
        if (!stopped) throw error;
      },
    );
    return turning.then(next);
  };

  // The caller stopped early (break, return(), enough items): cancel the page on its way, whether
  // requested ahead or awaited by a next() that is still pending.
  const stop = (): Promise<IteratorResult<Item, undefined>> => {
    stopped = true;
    controller.abort();
    ahead = undefined;
    return Promise.resolve(done);
  };
  return { next, return: stop };
}
