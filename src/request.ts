import { listPath } from '../generated/constants.js';
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  apiError,
  type LoopsError,
} from './errors.js';
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

type Attempt = { ok: true; list: FetchedList } | { ok: false; error: LoopsError; retryable: boolean; headers?: Headers };

/** Fetches one page, retrying what is safe to retry; a GET can always be repeated. */
export async function fetchList(transport: Transport, query: ListParams, options: RequestOptions = {}): Promise<FetchedList> {
  const timeout = options.timeout ?? transport.timeout;
  const maxRetries = options.maxRetries ?? transport.maxRetries;
  for (let retry = 0; ; retry++) {
    const outcome = await attempt(transport.raw, query, timeout, options.signal);
    if (outcome.ok) return outcome.list;
    if (!outcome.retryable || retry >= maxRetries) throw outcome.error;
    try {
      await sleep(retryDelayMs(retry, outcome.headers), options.signal);
    } catch (cause) {
      throw new APIUserAbortError({ cause });
    }
  }
}

async function attempt(raw: RawClient, query: ListParams, timeoutMs: number, userSignal?: AbortSignal): Promise<Attempt> {
  // Checked here too, since a custom fetch may not look at a signal that aborted before the call.
  if (userSignal?.aborted) throw new APIUserAbortError({ cause: userSignal.reason });
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = userSignal ? AbortSignal.any([userSignal, timeout]) : timeout;
  let result;
  try {
    result = await raw.GET(listPath, { params: { query }, signal, parseAs: 'text' });
  } catch (cause) {
    if (userSignal?.aborted) throw new APIUserAbortError({ cause });
    const error = timeout.aborted
      ? new APIConnectionTimeoutError(`No complete response within the ${timeoutMs} ms timeout. Raise \`timeout\` if the API is slow to answer.`, { cause })
      : new APIConnectionError(`Could not reach the Loops API: ${(cause as Error)?.message ?? cause}. Check your network and \`baseUrl\`.`, { cause });
    return { ok: false, error, retryable: true };
  }
  const { response } = result;
  const headers = Object.fromEntries(response.headers);
  const status = response.status;

  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    const location = response.headers.get('location');
    const fallback = `The API redirected to ${location ?? 'another URL'}; the SDK does not follow redirects, so that your API key is sent only to \`baseUrl\`. Set \`baseUrl\` to the final URL.`;
    return { ok: false, error: new APIError({ status, headers, body: result.error, fallback }), retryable: false };
  }
  if (!response.ok) {
    return { ok: false, error: apiError({ status, headers, body: result.error }), retryable: shouldRetry(status, response.headers), headers: response.headers };
  }
  const parsed = parseList(result.data);
  if (!parsed.ok) {
    return { ok: false, error: new APIError({ status, headers, body: result.data, fallback: parsed.problem }), retryable: false };
  }
  return { ok: true, list: { body: parsed.body, requestId: response.headers.get('x-request-id') } };
}

function parseList(text: string | undefined): { ok: true; body: CheckoutSessionList } | { ok: false; problem: string } {
  let body: unknown;
  try {
    body = JSON.parse(text ?? '');
  } catch {
    return { ok: false, problem: 'The API answered with a body that is not JSON; it is kept in `error.body`.' };
  }
  const list = body as CheckoutSessionList | null;
  if (!list || !Array.isArray(list.data) || typeof list.has_more !== 'boolean') {
    return { ok: false, problem: 'The API answered with JSON that is not a list of checkout sessions; it is kept in `error.body`.' };
  }
  return { ok: true, body: list };
}
