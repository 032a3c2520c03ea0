/** Scripted misbehaviours of the fake server, and the queue that hands each to its request. */

/**
 * One scripted misbehaviour, used up by the next request that arrives after it was queued, as
 * long as that request's client is still connected when the server gets to it: a late request
 * of an attempt that already timed out or was aborted does not steal it.
 */
export type Fault =
  /** Answer with this status and, unless given, a body in the spec's error format. */
  | {
      type: 'status';
      status: number;
      /** Sent as `Retry-After`: seconds, or an HTTP date as a string. */
      retryAfter?: number | string;
      retryAfterMs?: number;
      shouldRetry?: boolean;
      /** More response headers, such as `location`. */
      headers?: Record<string, string>;
      /** A string is sent as is (not JSON); anything else is sent as JSON. */
      body?: unknown;
    }
  /** Destroy the connection without answering. */
  | { type: 'reset' }
  /** Answer normally, but only after delayMs. */
  | { type: 'slow'; delayMs: number };

/** Faults in order, each remembering how many requests had arrived when it was queued. */
export class FaultQueue {
  readonly #queued: { fault: Fault; after: number }[] = [];

  /** Queues faults for requests that arrive after the arrived-th. */
  push(faults: readonly Fault[], arrived: number): void {
    for (const fault of faults) this.#queued.push({ fault, after: arrived });
  }

  /** The next fault, if the request that arrived number-th may take it. */
  take(number: number): Fault | undefined {
    const next = this.#queued[0];
    return next && next.after < number ? this.#queued.shift()!.fault : undefined;
  }

  clear(): void {
    this.#queued.length = 0;
  }
}

/** The headers a status fault sends besides the request ID. */
export function faultHeaders(fault: Extract<Fault, { type: 'status' }>): Record<string, string> {
  const headers: Record<string, string> = { ...fault.headers };
  if (fault.retryAfter !== undefined) headers['retry-after'] = String(fault.retryAfter);
  if (fault.retryAfterMs !== undefined) headers['retry-after-ms'] = String(fault.retryAfterMs);
  if (fault.shouldRetry !== undefined) headers['x-should-retry'] = String(fault.shouldRetry);
  return headers;
}
