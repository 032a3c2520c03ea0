/** Scripted misbehaviours of the fake server, and the queue that hands each to its request. */
import { playable } from './fault-checks.js';

/**
 * One scripted misbehaviour, used up by the next request that arrives after it was queued, as
 * long as that request's client is still connected both ways when the server gets to it: a late
 * request of an attempt that already timed out or was aborted does not steal it. A fault the
 * server could not play (a header HTTP cannot carry, a body JSON cannot represent, an option it
 * does not know) is refused with a TypeError when it is queued.
 */
export type Fault =
  /** Answer with this status and, unless given, a body in the spec's error format. */
  | {
      type: 'status';
      /** An HTTP status from 200 to 599; a 2xx one needs a body, and 204, 205 and 304 take none. */
      status: number;
      /** Sent as `Retry-After`: whole seconds, or an HTTP date as a string. */
      retryAfter?: number | string;
      /** Sent as `retry-after-ms`: milliseconds, a finite number ≥ 0. */
      retryAfterMs?: number;
      /** Sent as `x-should-retry: true|false`. */
      shouldRetry?: boolean;
      /** More response headers, such as `location`: HTTP tokens for names, visible Latin-1 for values. */
      headers?: Record<string, string>;
      /** A string is sent as is (not JSON); anything else is sent as JSON, serialized when queued. */
      body?: unknown;
    }
  /** Destroy the connection without answering. */
  | { type: 'reset' }
  /** Answer normally, but only after delayMs. */
  | { type: 'slow'; delayMs: number };

/** A fault as the server plays it: checked, with the headers and the body it sends. */
export type PlayableFault =
  | { type: 'status'; status: number; headers: Record<string, string>; body: { text: string; type: string } }
  | { type: 'reset' }
  | { type: 'slow'; delayMs: number };

/** Faults in order, each remembering how many requests had arrived when it was queued. */
export class FaultQueue {
  readonly #queued: { fault: PlayableFault; after: number }[] = [];

  /** Queues faults for requests that arrive after the arrived-th; if one could not be played, none is queued. */
  push(faults: readonly unknown[], arrived: number): void {
    if (!Array.isArray(faults)) throw new TypeError('faults must be an array of faults, such as [{ type: "reset" }].');
    const checked = faults.map((fault, index) => playable(fault, faults.length > 1 ? index : undefined));
    for (const fault of checked) this.#queued.push({ fault, after: arrived });
  }

  /** The next fault, if the request that arrived number-th may take it. */
  take(number: number): PlayableFault | undefined {
    const next = this.#queued[0];
    return next && next.after < number ? this.#queued.shift()!.fault : undefined;
  }

  clear(): void {
    this.#queued.length = 0;
  }
}
