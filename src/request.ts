import { listPath } from '../generated/constants.js';
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError, apiError } from './errors.js';
import type { RawClient } from './raw.js';
import { retryDelayMs, shouldRetry, sleep } from './retry.js';
import type { CheckoutSessionList, ListParams } from './types.js';

/** Per-call settings; each overrides the client's own. */
export interface RequestOptions {
  /** Milliseconds each attempt may take, response body included. */
  timeout?: number | undefined;
  /** How many times a failed attempt is retried. */
  maxRetries?: number | undefined;
  /** Aborts the call, including a wait between attempts. */
  signal?: AbortSignal | undefined;
}

export interface Transport {
  raw: RawClient;
  timeout: number;
  maxRetries: number;
}

export interface FetchedList {
  body: CheckoutSessionList;
  requestId: string | null;
}

/** A failed attempt: what to throw, whether another attempt may succeed, and the server's hints. */
interface Failure {
  error: Error;
  retryable?: boolean | undefined;
  headers?: Headers | undefined;
}

const failure = (error: Error, retryable?: boolean, headers?: Headers): Failure => ({ error, retryable, headers });

/** Fetches one page, retrying what is safe to retry: a GET can always be repeated. */
export async function fetchList(transport: Transport, query: ListParams, options: RequestOptions = {}): Promise<FetchedList> {
  const { timeout = transport.timeout, maxRetries = transport.maxRetries, signal } = options;
  for (let retry = 0; ; retry++) {
    const outcome = await attempt(transport.raw, query, timeout, signal);
    if (!('error' in outcome)) return outcome;
    if (!outcome.retryable || retry >= maxRetries) throw outcome.error;
    await sleep(retryDelayMs(retry, outcome.headers), signal).catch((cause: unknown) => {
      throw new APIUserAbortError({ cause });
    });
  }
}

async function attempt(raw: RawClient, query: ListParams, timeoutMs: number, userSignal?: AbortSignal): Promise<FetchedList | Failure> {
  // Checked here too, since a custom fetch may ignore a signal that aborted before the call.
  if (userSignal?.aborted) throw new APIUserAbortError({ cause: userSignal.reason });
  // A controller and a timer, not AbortSignal.timeout() and AbortSignal.any(): measured in Node 20,
  // those add some 50 µs to every request, a tenth of a loopback round trip.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const abort = () => controller.abort(userSignal!.reason);
  userSignal?.addEventListener('abort', abort);
  let result;
  try {
    result = await raw.GET(listPath, { params: { query }, signal: controller.signal, parseAs: 'text' });
  } catch (cause) {
    if (userSignal?.aborted) throw new APIUserAbortError({ cause });
    return failure(
      timedOut
        ? new APIConnectionTimeoutError(`No response within ${timeoutMs} ms: raise \`timeout\`?`, { cause })
        : new APIConnectionError(`Could not reach the API (${(cause as Error)?.message}): check the network and \`baseUrl\`.`, { cause }),
      true,
    );
  } finally {
    clearTimeout(timer);
    userSignal?.removeEventListener('abort', abort);
  }
  const { response, data } = result;
  const { status, headers } = response;
  const init = (fallback?: string) => ({ status, headers: Object.fromEntries(headers), body: data ?? result.error, fallback });
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    return failure(new APIError(init(`Redirect to ${headers.get('location')} not followed, to keep your key on \`baseUrl\`: use the final URL.`)));
  }
  if (!response.ok) return failure(apiError(init()), shouldRetry(status, headers), headers);
  let body: CheckoutSessionList | undefined;
  try {
    body = JSON.parse(data ?? '');
  } catch {
    return failure(new APIError(init('Body is not JSON (see `body`).')));
  }
  if (!Array.isArray(body?.data) || typeof body.has_more !== 'boolean') {
    return failure(new APIError(init('Body is not a list (see `body`).')));
  }
  return { body, requestId: headers.get('x-request-id') };
}
