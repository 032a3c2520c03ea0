export type { FakeLoopsServer, FakeLoopsServerOptions, FakeRequest } from './fake-server.js';
export { createFakeLoopsServer } from './fake-server.js';
export type { Fault } from './faults.js';
export type { FakeSession } from './sessions.js';
export { asSent, fakeSession, fakeSessions } from './sessions.js';
