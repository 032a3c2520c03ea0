/** When to retry, and how long to wait first. */

/** Whether a response is worth another attempt, one rule per line. */
export function shouldRetry(status: number, headers: Headers): boolean {
  const override = headers.get('x-should-retry');
  // The server knows best, either way.
  if (override === 'true') return true;
  if (override === 'false') return false;
  // Request Timeout: the server gave up waiting for the request, not on it.
  if (status === 408) return true;
  // Conflict: a lock or a concurrent change that a moment later is gone.
  if (status === 409) return true;
  // Too Many Requests: the wait (Retry-After) is the cure.
  if (status === 429) return true;
  // Server errors: usually passing, and a GET can always be repeated.
  return status >= 500;
}

/**
 * The wait before retry number `retry` (0 for the first). The server's `retry-after-ms`, then its
 * `Retry-After` (seconds or an HTTP date) wins, up to 60 s; otherwise exponential backoff from
 * 0.5 s to 8 s, shortened by up to 25 % of jitter so that clients spread out.
 */
export function retryDelayMs(retry: number, headers?: Headers, random = Math.random): number {
  const fromServer = headers && serverDelayMs(headers);
  return fromServer === undefined
    ? Math.min(500 * 2 ** retry, 8000) * (1 - 0.25 * random())
    : Math.min(fromServer, 60_000);
}

function serverDelayMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms')!);
  if (ms >= 0) return ms;
  const after = headers.get('retry-after')?.trim();
  if (!after) return;
  const seconds = Number(after);
  if (seconds >= 0) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Waits ms, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const abort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', abort);
      resolve();
    }, ms);
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort, { once: true });
  });
}
