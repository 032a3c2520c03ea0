import { expect } from 'vitest';
import { type FakeLoopsServer, fakeSessions } from '../../src/testing/index.js';
import { cursorParam } from './spec.js';

/** What test/runtimes/smoke.mjs prints on every runtime, against a fake server of 13 sessions. */
export const smokeSessions = fakeSessions(13);
export const expectedSmoke = {
  pages: 3,
  walked: 13,
  first: smokeSessions[0]!.id,
  auth: 'AuthenticationError 401',
  network: 'APIConnectionError',
};

/** The last line a smoke run printed, parsed. */
export const lastLine = (output: string) => JSON.parse(output.trim().split('\n').at(-1)!) as unknown;

/**
 * Checks what a smoke run saw, and that the page its walk prefetched reached the fake server before
 * the loop had done its synchronous work on the first session (Node 22 and 24 send only when the
 * event loop turns, which that work holds up).
 */
export function expectSmoke(result: unknown, fake: FakeLoopsServer, seen: Record<string, unknown>): void {
  const { work, ...rest } = result as { work: { from: number; to: number; cursor: string } };
  expect(rest).toEqual({ ...expectedSmoke, ...seen });
  const prefetched = fake.requests.filter((request) => request.query[cursorParam] === work.cursor).at(-1);
  expect(prefetched?.at, 'the prefetch arrived before the loop body ended').toBeLessThan(work.to);
}
