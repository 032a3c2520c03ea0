import { APIError, apiError } from './errors.js';
import type { Operation } from './operation.js';
import { shouldRetry } from './retry.js';

/** What a successful attempt gives: the parsed body, as the API sent it, and where it came from. */
export interface Fetched<T = unknown> {
  body: T;
  requestId: string | null;
  /** The final response; its body has been read. */
  response: Response;
}

/**
 * A failed attempt: what to throw, whether another attempt may succeed, whether the server surely
 * did not process it (so that even a request that is not idempotent may be sent again), and the
 * server's hints.
 */
export interface Failure {
  error: Error;
  retryable?: boolean | undefined;
  unprocessed?: boolean | undefined;
  headers?: Headers | undefined;
}

export const failure = (error: Error, retryable?: boolean, headers?: Headers, unprocessed?: boolean): Failure => ({
  error,
  retryable,
  unprocessed,
  headers,
});

/** Whether the parsed body has the success schema's outline: a list's items and flag, or an object. */
function outlined(operation: Operation, body: unknown): boolean {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return false;
  const paging = operation.pagination;
  if (!paging) return true;
  const list = body as Record<string, unknown>;
  const flag = paging.hasMoreField;
  return Array.isArray(list[paging.itemsField]) && (flag === undefined || typeof list[flag] === 'boolean');
}

/**
 * Turns a response and its body text into data or a typed failure, for any operation. Pure: no
 * I/O, no clock, so that every branch is tested with a stub Response.
 */
export function readResponse(operation: Operation, response: Response, text: string): Fetched | Failure {
  const { status, headers } = response;
  let parsed: unknown = text;
  let json = true;
  try {
    parsed = JSON.parse(text);
  } catch {
    json = false;
  }
  // An error keeps the body: parsed when it is JSON, else the text (and the text when the JSON is not the schema's).
  const init = (fallback?: string, body = parsed) => ({ status, headers: Object.fromEntries(headers), body, fallback });
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    const to = headers.get('location');
    const fallback = `Redirect to ${to} not followed, to keep your key on \`baseUrl\`: use the final URL.`;
    return failure(new APIError(init(fallback)));
  }
  if (!response.ok) {
    // A 429 was turned away before any work (Stripe's rule); `x-should-retry: true` is the server's word.
    const unprocessed = status === 429 || headers.get('x-should-retry') === 'true';
    return failure(apiError(init()), shouldRetry(status, headers), headers, unprocessed);
  }
  if (!json) return failure(new APIError(init('Body is not JSON (see `body`).')));
  if (!outlined(operation, parsed)) {
    const what = operation.pagination ? 'a list' : `a ${operation.success.schema}`;
    return failure(new APIError(init(`Body is not ${what} (see \`body\`).`, text)));
  }
  return { body: parsed, requestId: headers.get('x-request-id'), response };
}
