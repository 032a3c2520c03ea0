import { type Page, stopRepeatedPage } from './page.js';
import type { CheckoutSession } from './types.js';

export interface WalkOptions {
  /** Request the next page as soon as a page arrives, while its sessions are yielded. */
  prefetch: boolean;
  /** The most sessions the caller will take: no page past them is prefetched. */
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
// Deno; after three, 20 of 20 everywhere. Three turns cost some 15 µs a page.
const turnsToSend = 3;
const nextTurn = () =>
  new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve)));

/**
 * Every session from the first page on, built on the page's public API alone (getPaginatedItems,
 * hasNextPage, getNextPage, nextPageParams). With prefetch, one page is requested ahead while the
 * caller reads the one in hand: at most one request in flight, aborted if the caller stops early,
 * and its error held until the caller reaches it. A hand-written iterator, not an async generator:
 * delegating generators cost several promise ticks per session.
 */
export function walk(
  first: PromiseLike<Page>,
  { prefetch, wanted, controller }: WalkOptions,
): AsyncIterator<CheckoutSession> {
  let page: Page | undefined;
  let items: CheckoutSession[] = [];
  let index = 0;
  // Sessions of the pages before the one in hand.
  let delivered = 0;
  let finished = false;
  let stopped = false;
  // The page turn in flight: next() calls made meanwhile wait for it and share it, so that two
  // parallel calls at a page boundary get two sessions and send one request.
  let turning: Promise<void> | undefined;
  // The page after the one in hand, requested ahead.
  let ahead: Promise<Page> | undefined;
  // The cursors this walk has sent lately: a page ending at one of them again means the server repeats itself.
  const sent = new Set<string>();
  const cursorOf = (of: Page) => JSON.stringify(of.nextPageParams());

  const requestAfter = (from: Page): Promise<Page> => {
    sent.add(cursorOf(from));
    // A Set iterates in insertion order: the first value is the oldest cursor.
    if (sent.size > cursorsRemembered) sent.delete(sent.values().next().value!);
    return from.getNextPage({ signal: controller.signal });
  };

  const turn = async (): Promise<void> => {
    let next: Page;
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
      for (let turn = 0; turn < turnsToSend; turn++) await nextTurn();
    }
  };

  const next = (): Promise<IteratorResult<CheckoutSession, undefined>> => {
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

  // The caller stopped early (break, return(), enough sessions): cancel the page on its way, whether
  // requested ahead or awaited by a next() that is still pending.
  const stop = (): Promise<IteratorResult<CheckoutSession, undefined>> => {
    stopped = true;
    controller.abort();
    ahead = undefined;
    return Promise.resolve(done);
  };
  return { next, return: stop };
}
