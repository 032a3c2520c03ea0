/**
 * The operations the fake server implements, answered from its sessions as the spec describes
 * them. Any other operation of the spec is answered 501 by the server, never a made-up 404.
 */
import type { CursorPagination } from '../operation.js';
import type { Route } from './routes.js';
import { errorBody } from './routes.js';
import type { FakeSession } from './sessions.js';

export interface Answer {
  status: number;
  body: unknown;
  outcome: string;
  headers?: Record<string, string>;
}

/** The sessions served, newest first, with the lookups the handlers need (cached until replaced). */
export class SessionStore {
  readonly #all: FakeSession[];
  readonly #position: Map<string, number>;
  readonly #filtered = new Map<string, { sessions: FakeSession[]; positions: number[] }>();

  constructor(sessions: FakeSession[]) {
    this.#all = sessions;
    this.#position = new Map(sessions.map((session, index) => [session.id, index]));
  }

  get(id: string): FakeSession | undefined {
    const position = this.#position.get(id);
    return position === undefined ? undefined : this.#all[position];
  }

  /** Where a session stands among all the sessions, newest first. */
  position(id: string): number | undefined {
    return this.#position.get(id);
  }

  /**
   * The sessions whose field of each filter's name equals its value (`status`, or any filter the
   * spec adds), with their positions among all sessions.
   */
  filtered(filters: Record<string, unknown>) {
    const key = JSON.stringify(Object.entries(filters).sort());
    let found = this.#filtered.get(key);
    if (!found) {
      const positions: number[] = [];
      this.#all.forEach((session, index) => {
        const fields = session as Record<string, unknown>;
        if (Object.entries(filters).every(([name, value]) => fields[name] === value)) positions.push(index);
      });
      found = { sessions: positions.map((index) => this.#all[index]!), positions };
      this.#filtered.set(key, found);
    }
    return found;
  }
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
  // The sessions list pages by cursor, as Stripe's lists do.
  const paging = route.operation.pagination as CursorPagination;
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

/** Answers a routed request, or undefined when the fake server does not implement its operation. */
export function answer(store: SessionStore, route: Route, listUrl: string): Answer | undefined {
  if (route.id === 'listCheckoutSessions') return list(store, route, listUrl);
  if (route.id === 'retrieveCheckoutSession') return retrieve(store, route);
  return undefined;
}
