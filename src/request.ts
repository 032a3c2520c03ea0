import { APIUserAbortError } from './errors.js';
import type { Operation } from './operation.js';
import type { CallSettings } from './options.js';
import { boundedFetch, type Fetch, type RawClient } from './raw.js';
import { type Fetched, readResponse } from './response.js';
import { retryDelayMs, sleep } from './retry.js';
import { sendWithDeadline } from './send.js';

/** Per-call settings; each overrides the client's own. */
export interface RequestOptions extends CallSettings {
  /** Aborts the call, including a wait between attempts. */
  signal?: AbortSignal | undefined;
}

/** What every call of a client shares: the raw client and the client's settings. */
export interface ClientSettings {
  raw: RawClient;
  /** The fetch the raw client calls, before its body bound: a call with its own bound wraps it again. */
  fetch: Fetch;
  timeout: number;
  maxRetries: number;
  maxResponseBytes: number;
}

export interface CallParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
}

/**
 * Calls any operation of the spec, retrying what is safe to retry (every operation here is a GET,
 * which can always be repeated): the same retries, timeouts, typed errors and redirect refusal for all.
 */
export async function call<T>(
  settings: ClientSettings,
  operation: Operation,
  params: CallParams,
  options: RequestOptions = {},
): Promise<Fetched<T>> {
  const { timeout = settings.timeout, maxRetries = settings.maxRetries, signal } = options;
  const maxBytes = options.maxResponseBytes ?? settings.maxResponseBytes;
  const fetch = maxBytes === settings.maxResponseBytes ? undefined : boundedFetch(settings.fetch, maxBytes);
  const sending = { path: params.path ?? {}, query: params.query ?? {}, timeout, signal, fetch };
  for (let retry = 0; ; retry++) {
    const received = await sendWithDeadline(settings.raw, operation, sending);
    const outcome = 'error' in received ? received : readResponse(operation, received.response, received.text);
    if (!('error' in outcome)) return outcome as Fetched<T>;
    if (!outcome.retryable || retry >= maxRetries) throw outcome.error;
    await sleep(retryDelayMs(retry, outcome.headers), signal).catch((cause: unknown) => {
      throw new APIUserAbortError({ cause });
    });
  }
}
