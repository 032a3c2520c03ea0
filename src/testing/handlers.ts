/**
 * The operations the fake server implements, answered from its sessions as the spec describes
 * them. Any other operation of the spec is answered 501 by the server, never a made-up 404.
 */
import type { Refusal, Route, Router } from './routes.js';
import { errorBody } from './routes.js';
import type { SessionStore } from './session-store.js';

export interface Answer {
  status: number;
  body: unknown;
  outcome: string;
  headers?: Record<string, string>;
}

/** The index of the first of sorted positions above position. */
function after(positions: number[], position: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (positions[middle]! <= position) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** A page of the list operation: filters, page size and cursor, all named by the spec. */
function list(store: SessionStore, route: Route, listUrl: string): Answer {
  const paging = route.operation.pagination!;
  const { [paging.limitParam]: limit, [paging.cursorParam]: cursor, ...filters } = route.query;
  const size = (limit ?? route.operation.query[paging.limitParam]?.default) as number;
  const { sessions, positions } = store.filtered(filters);
  let start = 0;
  if (cursor !== undefined) {
    // As in Stripe's lists, the cursor may be any session: the page starts after it, filters applied.
    const position = store.position(cursor as string);
    if (position === undefined) {
      const message = `No such checkout session: '${cursor}'.`;
      const body = errorBody('invalid_request_error', message, { code: 'resource_missing', param: paging.cursorParam });
      return { status: 400, body, outcome: 'unknown-cursor' };
    }
    start = after(positions, position);
  }
  const body = {
    object: 'list',
    [paging.itemsField]: sessions.slice(start, start + size),
    [paging.hasMoreField]: start + size < sessions.length,
    url: listUrl,
  };
  return { status: 200, body, outcome: 'ok' };
}

/** One session by the path parameter of the retrieve operation. */
function retrieve(store: SessionStore, route: Route): Answer {
  const [[param, id]] = Object.entries(route.path) as [[string, string]];
  const session = store.get(id);
  if (session) return { status: 200, body: session, outcome: 'ok' };
  const body = errorBody('invalid_request_error', `No such checkout session: '${id}'.`, {
    code: 'resource_missing',
    param,
  });
  return { status: 404, body, outcome: 'not-found' };
}

/** The operations the fake server implements, by operationId. */
const handlers: Record<string, (store: SessionStore, route: Route, listUrl: string) => Answer> = {
  listCheckoutSessions: list,
  retrieveCheckoutSession: retrieve,
};
export const implementedOperations: readonly string[] = Object.keys(handlers);

/** Answers a routed request, or undefined when the fake server does not implement its operation. */
export function answer(store: SessionStore, route: Route, listUrl: string): Answer | undefined {
  return Object.hasOwn(handlers, route.id) ? handlers[route.id]!(store, route, listUrl) : undefined;
}

/** Who asked: the bearer token, if any, and whether the server accepts it. */
export interface Caller {
  token: string | undefined;
  authorized: boolean;
}

/** What the spec says to answer: a routing refusal, 401, 501, or the operation's answer. */
export function resolve(
  store: SessionStore,
  route: Router,
  basePath: string,
  method: string,
  url: URL,
  caller: Caller,
): Refusal | Answer {
  const routed = route(method, url.pathname, url.searchParams);
  if ('status' in routed) return routed;
  if (!caller.authorized) {
    const missing = caller.token === undefined;
    const message = missing ? 'You did not provide an API key.' : 'Invalid API key provided.';
    const body = errorBody('invalid_request_error', message, { code: missing ? 'api_key_missing' : 'api_key_invalid' });
    return { status: 401, outcome: 'unauthorized', body };
  }
  const listUrl = `${basePath || '/api/v3'}${routed.operation.path}`;
  const answered = answer(store, routed, listUrl);
  if (answered) return answered;
  const message = `The fake server does not implement ${routed.id} (${method} ${routed.operation.path}) yet.`;
  return { status: 501, outcome: 'not-implemented', body: errorBody('api_error', message) };
}
