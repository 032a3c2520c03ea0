import { vi } from 'vitest';
import { requestsInFlight } from './http-fetch.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Runs work under a fake clock (setTimeout, clearTimeout and Date): while no request is in flight
 * (the work must use httpFetch), the clock jumps to the next timer, so that backoff waits take no
 * real time and every timestamp taken meanwhile reads the fake clock. While a request is in flight
 * the clock stands still, so that the request's own timeout timer never fires early.
 */
export async function withFakeClock<T>(
  work: () => Promise<T>,
  startAt = new Date('2026-11-24T12:00:00.000Z'),
): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: startAt });
  try {
    const promise = work();
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      // A few real ticks let the client finish reading an answer and clear its timeout timer.
      await tick();
      await tick();
      await tick();
      if (!settled && requestsInFlight() === 0 && vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
    }
    return await promise;
  } finally {
    vi.useRealTimers();
  }
}
