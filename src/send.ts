import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, LoopsError } from './errors.js';
import { isMalformedResponse, isNetworkError, isUnsent } from './network.js';
import type { Operation } from './operation.js';
import { boundedFetch, senderOf } from './raw.js';
import type { ClientSettings } from './request.js';
import { type Failure, failure } from './response.js';
import type { Attempt } from './sender.js';
import type { Received, Sent } from './transport.js';

export type { Received };

/** What a call sends on each attempt (its body bound: the client's, or the call's own), and what stops it. */
export interface Sending extends Attempt {
  timeout: number;
  /** The signals that stop the call: the caller's, and a page's own. */
  signals: readonly AbortSignal[];
}

/** The first of signals that has aborted. */
function abortedOf(signals: readonly AbortSignal[]): AbortSignal | undefined {
  for (const signal of signals) if (signal.aborted) return signal;
  return undefined;
}

/** Rejections of the deadline itself, told apart from whatever the fetch rejects with. */
const timedOut = Symbol('timed out');
const aborted = Symbol('aborted');

/**
 * One attempt through openapi-fetch (`loops.raw`) and fetch, for when middleware of the caller's
 * sits on the raw client and must see the call.
 */
function throughRaw(settings: ClientSettings, operation: Operation, sending: Sending): Sent {
  const { maxBytes } = sending;
  const controller = new AbortController();
  const received = (async () => {
    const { data, error, response } = (await settings.raw.request(
      operation.method.toLowerCase() as 'post',
      operation.path as never,
      {
        params: { path: sending.path, query: sending.query },
        ...(sending.body !== undefined && { body: sending.body }),
        ...(sending.headers && { headers: sending.headers }),
        signal: controller.signal,
        parseAs: 'text',
        ...(maxBytes !== settings.maxResponseBytes && { fetch: boundedFetch(settings.fetch, maxBytes) }),
      } as never,
    )) as { data?: unknown; error?: unknown; response: Response };
    // openapi-fetch hands an error body over parsed when it is JSON: back to text, for one reader.
    const body = data ?? error ?? '';
    return { response, text: typeof body === 'string' ? body : JSON.stringify(body) };
  })();
  return { received, cancel: (reason) => controller.abort(reason) };
}

/** Sends one attempt of an operation, racing it against a deadline and the caller's signal. */
export async function sendWithDeadline(
  settings: ClientSettings,
  operation: Operation,
  sending: Sending,
): Promise<Received | Failure> {
  const { timeout, signals } = sending;
  // Checked here too, since a custom fetch may ignore a signal that aborted before the call.
  const stopped = abortedOf(signals);
  if (stopped) throw new APIUserAbortError({ cause: stopped.reason });
  const send = senderOf(settings.raw);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let abort: ((event: Event) => void) | undefined;
  try {
    // One promise settled by whichever comes first: the answer, the deadline or the caller's abort,
    // the last two cancelling the attempt. A timer, not AbortSignal.timeout() and AbortSignal.any():
    // measured in Node 20, those add some 50 µs to every request. The deadline is raced, not only
    // signalled: a fetch that ignores its signal still stops on time, and a late answer or rejection
    // of the abandoned attempt settles nothing.
    return await new Promise<Received>((resolve, reject) => {
      const attempt = send ? send(operation, sending) : throughRaw(settings, operation, sending);
      attempt.received.then(resolve, reject);
      timer = setTimeout(() => {
        attempt.cancel();
        reject(timedOut);
      }, timeout);
      if (signals.length) {
        abort = (event) => {
          attempt.cancel((event.target as AbortSignal).reason);
          reject(aborted);
        };
        for (const signal of signals) signal.addEventListener('abort', abort);
      }
    });
  } catch (cause) {
    return failed(cause, timeout, signals);
  } finally {
    clearTimeout(timer);
    if (abort) for (const signal of signals) signal.removeEventListener('abort', abort);
  }
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
function failed(cause: unknown, timeout: number, signals: readonly AbortSignal[]): Failure {
  const stopped = abortedOf(signals);
  if (cause === aborted || stopped) throw new APIUserAbortError({ cause: stopped?.reason });
  if (cause === timedOut) {
    return failure(new APIConnectionTimeoutError(`No response within ${timeout} ms: raise \`timeout\`?`), true);
  }
  // The SDK's own refusals (a destination the key may not go to, a body past maxResponseBytes) are
  // final as they are.
  if (cause instanceof LoopsError) return failure(cause);
  const message = messages(cause);
  if (isNetworkError(cause)) {
    const error = new APIConnectionError(`Could not reach the API (${message}): check the network and \`baseUrl\`.`, {
      cause,
    });
    return failure(error, true, undefined, isUnsent(cause));
  }
  if (isMalformedResponse(cause)) {
    const error = new APIConnectionError(
      `The server's answer is not HTTP, or was cut short (${message}): check \`baseUrl\` (its host and port, https: or http:).`,
      { cause },
    );
    return failure(error, true);
  }
  const problem = `The request failed, and not for want of a network (${message}): a malformed request or response, or a bug in the transport (\`fetch\`, or node:http on Node); not retried. See \`cause\`.`;
  return failure(new LoopsError(problem, { cause }));
}
