import { fakeSessions } from '../../src/testing/index.js';

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
