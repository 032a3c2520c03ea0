import { afterAll, afterEach, beforeAll } from 'vitest';
import { type PrismServer, startPrismProxy } from '../../scripts/harness/prism.js';
import { createFakeLoopsServer, type FakeLoopsServer } from '../../src/testing/index.js';

import { apiKey } from './client.js';

export { apiKey };

export interface Servers {
  fake: FakeLoopsServer;
  /** The Prism proxy in front of the fake: every request and response through it is checked against the spec. */
  proxyUrl: string;
}

/**
 * A fake Loops server for this test file, with `prism proxy --errors` in front of it when asked;
 * both are stopped after the file, and the fake is reset (faults, request log) after each test.
 */
export function useServers({ proxy }: { proxy: boolean }): Servers {
  const servers = {} as Servers;
  let prism: PrismServer | undefined;
  beforeAll(async () => {
    servers.fake = await createFakeLoopsServer({ apiKey });
    if (proxy) {
      prism = await startPrismProxy(servers.fake.url);
      servers.proxyUrl = prism.url;
    }
  });
  afterEach(() => servers.fake.reset());
  afterAll(async () => {
    await prism?.stop();
    await servers.fake?.close();
  });
  return servers;
}
