/** When to retry, and how long to wait first. */

const maxServerDelayMs = 60_000;
const initialDelayMs = 500;
const maxBackoffMs = 8_000;
const maxJitter = 0.25;

/** Whether a response is worth another attempt; the server can say so with `x-should-retry`. */
export function shouldRetry(status: number, headers: Headers): boolean {
  const override = headers.get('x-should-retry');
  if (override === 'true') return true;
  if (override === 'false') return false;
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * The wait before retry number `retry` (0 for the first retry). A server's `retry-after-ms`, then
 * `Retry-After` (seconds or an HTTP date), wins, capped at 60 s; otherwise exponential backoff,
 * 0.5 s doubling up to 8 s, shortened by up to 25 % of jitter so that clients spread out.
 */
export function retryDelayMs(retry: number, headers?: Headers, random: () => number = Math.random): number {
  const fromServer = headers && serverDelayMs(headers);
  if (fromServer !== undefined) return Math.min(fromServer, maxServerDelayMs);
  const backoff = Math.min(initialDelayMs * 2 ** retry, maxBackoffMs);
  return backoff * (1 - maxJitter * random());
}

function serverDelayMs(headers: Headers): number | undefined {
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const retryAfter = headers.get('retry-after')?.trim();
  if (!retryAfter) return undefined;
  if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Waits ms, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
