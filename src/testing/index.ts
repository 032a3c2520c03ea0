export type { FakeLoopsServer, FakeLoopsServerOptions, FakeRequest, FakeSession, Fault } from './fake-server.js';
export { createFakeLoopsServer } from './fake-server.js';
export { fakeSession, fakeSessions } from './sessions.js';
