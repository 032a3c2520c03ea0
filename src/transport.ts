/**
 * How the SDK's own requests travel: a transport takes what one attempt sends and gives back the
 * response with its whole body as text, bounded. Two exist: fetch (the global one or yours, on
 * every runtime) and node:http (node-http.ts, on Node). Both refuse redirects and stop at the bound.
 */
import { readText } from './body.js';

/** The fetch signature the SDK calls: it hands over a ready `Request`. */
export type Fetch = (input: Request) => Promise<Response>;

/** One attempt, ready to send. */
export interface Outgoing {
  method: string;
  url: string;
  /** Lower-case names. */
  headers: Record<string, string>;
  body: string | undefined;
  /** The body bound, maxResponseBytes. */
  maxBytes: number;
}

/** The response (its body read) and that body as text. */
export interface Received {
  response: Response;
  text: string;
}

/**
 * An attempt on its way: what it receives, and how to stop it (the deadline or the caller's signal
 * calls cancel). Not a signal: node:http stops by destroying its request, and an AbortSignal would
 * cost each of its requests a controller and the listeners that follow it (some 30 µs in Node 20).
 */
export interface Sent {
  received: Promise<Received>;
  cancel(reason?: unknown): void;
}

export type Transport = (outgoing: Outgoing) => Sent;

/**
 * Sends through fetch without following redirects. A fetch of yours gets a `Request` (its
 * signature); the global fetch gets the URL and init, from which it builds the one `Request` it
 * needs: building one here too would cost a second, each following the signal (some 15 µs a
 * request on Node 20). The global fetch is read at call time, so that a polyfill or a test can
 * replace it.
 */
export function fetchTransport(fetch: Fetch | undefined): Transport {
  return ({ url, method, headers, body, maxBytes }) => {
    const controller = new AbortController();
    const init: RequestInit = { method, headers, signal: controller.signal, redirect: 'manual' };
    if (body !== undefined) init.body = body;
    const received = (async () => {
      const response = await (fetch ? fetch(new Request(url, init)) : globalThis.fetch(url, init));
      return { response, text: await readText(response, maxBytes) };
    })();
    return { received, cancel: (reason) => controller.abort(reason) };
  };
}
