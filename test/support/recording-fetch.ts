import { cursorParam } from './spec.js';

/** A fetch that remembers every request it sends (its URL and signal included), then sends it for real. */
export function recordingFetch() {
  const sent: Request[] = [];
  const fetch = (request: Request) => {
    sent.push(request);
    return globalThis.fetch(request);
  };
  return { fetch, sent };
}

/** The cursor each request carried, null for a first page. */
export const cursorsOf = (sent: Request[]) => sent.map((request) => new URL(request.url).searchParams.get(cursorParam));
