import { vi } from 'vitest';

/**
 * Runs work under a fake clock (setTimeout, clearTimeout and Date), jumping to the next timer
 * whenever one is pending and letting real I/O run otherwise, so that backoff waits take no real
 * time and every timestamp taken meanwhile reads the fake clock.
 */
export async function withFakeClock<T>(work: () => Promise<T>, startAt = new Date('2026-11-24T12:00:00.000Z')): Promise<T> {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: startAt });
  try {
    const promise = work();
    let settled = false;
    promise.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      if (vi.getTimerCount() > 0) await vi.advanceTimersToNextTimerAsync();
      else await new Promise((resolve) => setImmediate(resolve));
    }
    return await promise;
  } finally {
    vi.useRealTimers();
  }
}
