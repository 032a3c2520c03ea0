import { APIUserAbortError } from './errors.js';
import type { Log } from './log.js';
import type { Operation } from './operation.js';
import type { CallSettings } from './options.js';
import type { Fetch, RawClient } from './raw.js';
import { type Fetched, readResponse } from './response.js';
import { retryDelayMs, sleep } from './retry.js';
import { sendWithDeadline } from './send.js';

/** Per-call settings; each overrides the client's own. */
export interface RequestOptions extends CallSettings {
  /** Aborts the call, including a wait between attempts. */
  signal?: AbortSignal | undefined;
  /** Headers for this call, over the client's `defaultHeaders`. They cannot set `Authorization`. */
  headers?: Record<string, string> | undefined;
  /** Query parameters the SDK does not know yet, sent as given (not checked); the known ones win a clash. */
  query?: Record<string, string | number | boolean> | undefined;
}

/** What every call of a client shares: the raw client and the client's settings. */
export interface ClientSettings {
  raw: RawClient;
  /** The fetch the raw client calls, before its body bound: a call with its own bound wraps it again. */
  fetch: Fetch;
  timeout: number;
  maxRetries: number;
  maxResponseBytes: number;
  log: Log;
}

export interface CallParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  /** The JSON body, for an operation that takes one. */
  body?: unknown;
  /** The idempotency key of this call, sent on every attempt, for an operation that takes one. */
  idempotencyKey?: string | undefined;
}

const none: readonly AbortSignal[] = [];

// Methods that leave the server as it was when sent twice: they can always be repeated.
const repeatable = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS'];

/** Whether an operation may be sent again after any failure worth another attempt, not only one that proves it unprocessed. */
export const repeatsSafely = ({ method, idempotencyHeader }: Pick<Operation, 'method' | 'idempotencyHeader'>) =>
  repeatable.includes(method) || idempotencyHeader !== undefined;

/**
 * Calls any operation of the spec with the same retries, timeouts, typed errors and redirect
 * refusal for all. GET, HEAD, PUT and DELETE retry after any failure worth another attempt, and so
 * does an operation whose idempotency key makes a repeat harmless. A POST or PATCH without one is
 * sent again only after a failure that proves it was not processed: no connection could be opened,
 * or a 429; never after a 500 or a connection lost once the request was on its way.
 */
export async function call<T>(
  settings: ClientSettings,
  operation: Operation,
  params: CallParams,
  options: RequestOptions = {},
  pageSignal?: AbortSignal,
): Promise<Fetched<T>> {
  const { timeout = settings.timeout, maxRetries = settings.maxRetries, signal } = options;
  // The caller's signal and a page's own (a prefetch the walk may cancel) both stop the call: each
  // listened to, not joined with AbortSignal.any(), which costs a page some 20 µs in Node 20.
  const signals = pageSignal ? (signal ? [signal, pageSignal] : [pageSignal]) : signal ? [signal] : none;
  const maxBytes = options.maxResponseBytes ?? settings.maxResponseBytes;
  const query = { ...options.query, ...params.query };
  const { idempotencyHeader } = operation;
  const headers =
    idempotencyHeader && params.idempotencyKey
      ? { ...options.headers, [idempotencyHeader]: params.idempotencyKey }
      : options.headers;
  const sending = { path: params.path ?? {}, query, body: params.body, headers, timeout, signals, maxBytes };
  const repeats = repeatsSafely(operation);
  const { log } = settings;
  const target = () => `${operation.method} ${operation.path}${describeQuery(query)}`;
  for (let retry = 0; ; retry++) {
    const started = Date.now();
    const received = await sendWithDeadline(settings, operation, sending);
    const outcome = 'error' in received ? received : readResponse(operation, received.response, received.text);
    log.debug(() => {
      const answer = 'error' in received ? received.error.name : `${received.response.status}`;
      const requestId = 'error' in received ? null : received.response.headers.get('x-request-id');
      return `${target()} → ${answer} in ${Date.now() - started} ms${requestId ? ` (request ID: ${requestId})` : ''}`;
    });
    if (!('error' in outcome)) return outcome as Fetched<T>;
    if (!outcome.retryable || retry >= maxRetries) throw outcome.error;
    if (!repeats && !outcome.unprocessed) {
      log.warn(() => `${target()}: not retried after ${outcome.error.message}: it may have been processed.`);
      throw outcome.error;
    }
    const wait = Math.round(retryDelayMs(retry, outcome.headers));
    log.warn(() => `${target()}: retry ${retry + 1} of ${maxRetries} in ${wait} ms, after ${outcome.error.message}`);
    await sleep(wait, signals.length > 1 ? AbortSignal.any([...signals]) : signals[0]).catch((cause: unknown) => {
      throw new APIUserAbortError({ cause });
    });
  }
}

/** `?status=PENDING&limit=10`, as a log line shows a query: path params are in the path already. */
function describeQuery(query: Record<string, unknown>): string {
  const entries = Object.entries(query).filter(([, value]) => value !== undefined);
  return entries.length ? `?${new URLSearchParams(entries.map(([name, value]) => [name, String(value)]))}` : '';
}
