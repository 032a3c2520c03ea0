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

  /** Queues faults for requests that arrive after the arrived-th; a fault it could not play is refused now. */
  push(faults: readonly Fault[], arrived: number): void {
    for (const fault of faults) checkFault(fault);
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

/** Throws a TypeError that says what is wrong with a fault the server could not play. */
function checkFault(fault: Fault): void {
  const type = (fault as { type?: unknown } | null)?.type;
  if (type === 'status') {
    const { status, headers = {} } = fault as Extract<Fault, { type: 'status' }>;
    if (!(Number.isInteger(status) && status >= 200 && status <= 599)) {
      throw new TypeError(`A status fault needs an HTTP status from 200 to 599; got ${String(status)}.`);
    }
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== 'string' || /[\r\n]/.test(value))
        throw new TypeError(`Fault header ${name} must be a one-line string.`);
    }
  } else if (type === 'slow') {
    const { delayMs } = fault as Extract<Fault, { type: 'slow' }>;
    if (!(Number.isFinite(delayMs) && delayMs >= 0))
      throw new TypeError(`A slow fault needs delayMs ≥ 0; got ${String(delayMs)}.`);
  } else if (type !== 'reset') {
    throw new TypeError(`Unknown fault type ${JSON.stringify(type)}: use 'status', 'reset' or 'slow'.`);
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
