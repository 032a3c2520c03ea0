import { listPath } from '../generated/constants.js';
import { BodyTooLargeError } from './body.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  apiError,
  LoopsError,
} from './errors.js';
import { isNetworkError } from './network.js';
import type { CallSettings } from './options.js';
import { boundedFetch, type Fetch, type RawClient } from './raw.js';
import { retryDelayMs, shouldRetry, sleep } from './retry.js';
import type { CheckoutSessionList, ListParams } from './types.js';

/** Per-call settings; each overrides the client's own. */
export interface RequestOptions extends CallSettings {
  /** Aborts the call, including a wait between attempts. */
  signal?: AbortSignal | undefined;
}

export interface Transport {
  raw: RawClient;
  timeout: number;
  maxRetries: number;
  maxResponseBytes: number;
  /** The fetch the raw client calls, before its body bound: a call with its own bound wraps it again. */
  fetch: Fetch;
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
export async function fetchList(
  transport: Transport,
  query: ListParams,
  options: RequestOptions = {},
): Promise<FetchedList> {
  const { timeout = transport.timeout, maxRetries = transport.maxRetries, signal } = options;
  const maxBytes = options.maxResponseBytes ?? transport.maxResponseBytes;
  const fetch = maxBytes === transport.maxResponseBytes ? undefined : boundedFetch(transport.fetch, maxBytes);
  for (let retry = 0; ; retry++) {
    const outcome = await attempt(transport.raw, query, { timeout, signal, fetch });
    if (!('error' in outcome)) return outcome;
    if (!outcome.retryable || retry >= maxRetries) throw outcome.error;
    await sleep(retryDelayMs(retry, outcome.headers), signal).catch((cause: unknown) => {
      throw new APIUserAbortError({ cause });
    });
  }
}

interface AttemptSettings {
  timeout: number;
  signal: AbortSignal | undefined;
  fetch: Fetch | undefined;
}

/** Rejections of the deadline itself, told apart from whatever the fetch rejects with. */
const timedOut = Symbol('timed out');
const aborted = Symbol('aborted');

async function attempt(
  raw: RawClient,
  query: ListParams,
  { timeout, signal: userSignal, fetch }: AttemptSettings,
): Promise<FetchedList | Failure> {
  // Checked here too, since a custom fetch may ignore a signal that aborted before the call.
  if (userSignal?.aborted) throw new APIUserAbortError({ cause: userSignal.reason });
  // A controller and a timer, not AbortSignal.timeout() and AbortSignal.any(): measured in Node 20,
  // those add some 50 µs to every request, a tenth of a loopback round trip.
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let abort: (() => void) | undefined;
  // The deadline is raced, not only signalled: a fetch that ignores its signal still stops on time.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(timedOut);
    }, timeout);
    abort = () => {
      controller.abort(userSignal!.reason);
      reject(aborted);
    };
    userSignal?.addEventListener('abort', abort);
  });
  const sending = raw.GET(listPath, {
    params: { query },
    signal: controller.signal,
    parseAs: 'text',
    ...(fetch && { fetch }),
  });
  // Once the deadline has won, a late rejection of the abandoned fetch has nobody to reach.
  sending.catch(() => {});
  let result: Awaited<typeof sending>;
  try {
    result = await Promise.race([sending, deadline]);
  } catch (cause) {
    return failed(cause, timeout, userSignal);
  } finally {
    clearTimeout(timer);
    userSignal?.removeEventListener('abort', abort!);
  }
  const { response, data } = result;
  const { status, headers } = response;
  const init = (fallback?: string) => ({
    status,
    headers: Object.fromEntries(headers),
    body: data ?? result.error,
    fallback,
  });
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    return failure(
      new APIError(
        init(
          `Redirect to ${headers.get('location')} not followed, to keep your key on \`baseUrl\`: use the final URL.`,
        ),
      ),
    );
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

/** The messages of an error and its causes, as `fetch failed: bad port`. */
function messages(error: unknown): string {
  const parts: string[] = [];
  for (let depth = 0; depth < 3 && error !== undefined; depth++) {
    parts.push(error instanceof Error ? error.message : String(error));
    error = error instanceof Error ? error.cause : undefined;
  }
  return parts.join(': ');
}

/** What an attempt that got no usable response amounts to; only a network failure is retried. */
function failed(cause: unknown, timeout: number, userSignal: AbortSignal | undefined): Failure {
  if (cause === aborted || userSignal?.aborted) throw new APIUserAbortError({ cause: userSignal?.reason });
  if (cause === timedOut)
    return failure(new APIConnectionTimeoutError(`No response within ${timeout} ms: raise \`timeout\`?`), true);
  if (cause instanceof BodyTooLargeError) {
    const fallback = `${cause.message}: cut off unread. Raise \`maxResponseBytes\` or ask for smaller pages (\`limit\`).`;
    return failure(
      new APIError({ status: cause.status, headers: Object.fromEntries(cause.headers), body: undefined, fallback }),
    );
  }
  // The SDK's own refusals (such as a destination the key may not go to) are final as they are.
  if (cause instanceof LoopsError) return failure(cause);
  const message = messages(cause);
  if (isNetworkError(cause)) {
    return failure(
      new APIConnectionError(`Could not reach the API (${message}): check the network and \`baseUrl\`.`, { cause }),
      true,
    );
  }
  return failure(
    new LoopsError(
      `The request failed before reaching the network (${message}): a malformed request or a bug in \`fetch\`, not worth retrying. See \`cause\`.`,
      { cause },
    ),
  );
}
