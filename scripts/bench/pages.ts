/**
 * The bench server's answers, serialized once at start: every page of `fakeSessions(count)` at
 * limit=100 keyed by its cursor, and a first page of 10 for the per-request figures. Serving a
 * ready Buffer keeps the server's own work per request small and the same for every contender.
 */
import { fakeSession } from '../../src/testing/index.js';

export interface Pages {
  /** The first 10 sessions, has_more true: what `list({ limit: 10 })` gets. */
  firstTen: Buffer;
  /** Pages of 100, keyed by the `starting_after` that asks for them ('' for the first page). */
  byCursor: Map<string, Buffer>;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const id = (n: number) => `cs_test_${pad(n, 8)}`;
// How n shows in fakeSession(n)'s JSON, each with the context that tells its padding apart.
const appearances: ((n: number) => string)[] = [
  id,
  (n) => `pi_test_${pad(n, 8)}`,
  (n) => `cus_test_${pad(n, 6)}`,
  (n) => `crm-${pad(n, 6)}`,
  (n) => `buyer${n}@`,
  (n) => `order_${10_000 + n}`,
  (n) => `"${10_000 + n}"`,
  (n) => String(1_764_000_000 + n * 60),
];
// fakeSession(n) depends on n through n % 4 (status, product), n % 7 (amount) and n's digits: one
// template per n % 28, made from an 8-digit n (so no padding hides its digits), n's digits then
// substituted. Building 1 000 000 sessions as objects would take 20 s; this takes about 2.
const cycle = 28;
const templateBase = 91_000_000; // a multiple of 28, of 8 digits

function template(residue: number): (n: number) => string {
  const n0 = templateBase + residue;
  const markers = new Map(appearances.map((appearance) => [appearance(n0), appearance]));
  const escaped = [...markers.keys()].map((marker) => marker.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = JSON.stringify(fakeSession(n0)).split(new RegExp(`(${escaped.join('|')})`));
  // split() with a capture group: odd parts are markers, even parts literal text.
  return (n) => parts.map((part, i) => (i % 2 ? markers.get(part)!(n) : part)).join('');
}

/** fakeSession(n) as JSON, by template: checked against the real thing for a sample of n. */
export function sessionJsonMaker(): (n: number) => string {
  const templates = Array.from({ length: cycle }, (_, residue) => template(residue));
  const json = (n: number) => templates[n % cycle]!(n);
  for (const n of [1, 2, 9, 10, 27, 28, 99_999, 100_000, 123_457, 999_999, 1_000_000]) {
    if (json(n) !== JSON.stringify(fakeSession(n))) {
      throw new Error(`pages.ts's template of fakeSession(${n}) went stale: update \`appearances\``);
    }
  }
  return json;
}

function page(sessions: string[], hasMore: boolean, url: string): Buffer {
  return Buffer.from(`{"object":"list","data":[${sessions.join(',')}],"has_more":${hasMore},"url":"${url}"}`);
}

/** The pages of fakeSessions(count), newest first, as the API lists them. */
export function buildPages(count: number, url: string): Pages {
  const json = sessionJsonMaker();
  const byCursor = new Map<string, Buffer>();
  let cursor = '';
  for (let newest = count; newest >= 1; newest -= 100) {
    const oldest = Math.max(1, newest - 99);
    const sessions: string[] = [];
    for (let n = newest; n >= oldest; n--) sessions.push(json(n));
    byCursor.set(cursor, page(sessions, oldest > 1, url));
    cursor = id(oldest);
  }
  const firstTen: string[] = [];
  for (let n = count; n > count - 10; n--) firstTen.push(json(n));
  return { firstTen: page(firstTen, count > 10, url), byCursor };
}
