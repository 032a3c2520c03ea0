import { APIConnectionError, APIConnectionTimeoutError, APIUserAbortError, LoopsError } from './errors.js';
import { isMalformedResponse, isNetworkError } from './network.js';
import type { Operation } from './operation.js';
import type { Fetch, RawClient } from './raw.js';
import { type Failure, failure } from './response.js';

export interface Sending {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  headers: Record<string, string> | undefined;
  timeout: number;
  signal: AbortSignal | undefined;
  /** A fetch for this call only (a body bound of its own), instead of the client's. */
  fetch: Fetch | undefined;
}

/** What came back: the response and its whole body as text (openapi-fetch has read it). */
export interface Received {
  response: Response;
  text: string;
}

/** Rejections of the deadline itself, told apart from whatever the fetch rejects with. */
const timedOut = Symbol('timed out');
const aborted = Symbol('aborted');

/** Sends one attempt of an operation, racing it against a deadline and the caller's signal. */
export async function sendWithDeadline(
  raw: RawClient,
  operation: Operation,
  sending: Sending,
): Promise<Received | Failure> {
  const { timeout, signal: userSignal, fetch } = sending;
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
  const request = raw.request(
    operation.method.toLowerCase() as 'get',
    operation.path as never,
    {
      params: { path: sending.path, query: sending.query },
      ...(sending.headers && { headers: sending.headers }),
      signal: controller.signal,
      parseAs: 'text',
      ...(fetch && { fetch }),
    } as never,
  ) as Promise<{ data?: unknown; error?: unknown; response: Response }>;
  // Once the deadline has won, a late rejection of the abandoned fetch has nobody to reach.
  request.catch(() => {});
  try {
    const { data, error, response } = await Promise.race([request, deadline]);
    // openapi-fetch hands an error body over parsed when it is JSON: back to text, for one reader.
    const body = data ?? error ?? '';
    return { response, text: typeof body === 'string' ? body : JSON.stringify(body) };
  } catch (cause) {
    return failed(cause, timeout, userSignal);
  } finally {
    clearTimeout(timer);
    userSignal?.removeEventListener('abort', abort!);
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
function failed(cause: unknown, timeout: number, userSignal: AbortSignal | undefined): Failure {
  if (cause === aborted || userSignal?.aborted) throw new APIUserAbortError({ cause: userSignal?.reason });
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
    return failure(error, true);
  }
  if (isMalformedResponse(cause)) {
    const error = new APIConnectionError(
      `The server's answer is not HTTP, or was cut short (${message}): check \`baseUrl\` (its host and port, https: or http:).`,
      { cause },
    );
    return failure(error, true);
  }
  const problem = `The request failed, and not for want of a network (${message}): a malformed request or response, or a bug in \`fetch\`; not retried. See \`cause\`.`;
  return failure(new LoopsError(problem, { cause }));
}
