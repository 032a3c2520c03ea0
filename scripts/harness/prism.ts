import { fileURLToPath } from 'node:url';
import { root } from './paths.js';
import { assertPortFree, freePort, startLeashed, waitUntilAnswering } from './processes.js';

const prismBin = fileURLToPath(new URL('../../node_modules/@stoplight/prism-cli/dist/index.js', import.meta.url));
const bundledSpec = 'generated/openapi.json';

export interface PrismServer {
  url: string;
  stop(): Promise<void>;
}

async function startPrism(args: string[], port?: number, envName = 'the port'): Promise<PrismServer> {
  // Checked first: a stranger on the port would answer the readiness poll, and Prism would fail to bind.
  if (port) await assertPortFree(port, envName);
  port ||= await freePort();
  const prism = startLeashed(
    process.execPath,
    [prismBin, ...args, '--host', '127.0.0.1', '--port', String(port)],
    root,
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(url, 30_000, prism);
  } catch (error) {
    await prism.stop();
    throw error;
  }
  return { url, stop: () => prism.stop() };
}

/** `prism mock` on the bundled spec: answers every request from the spec's examples. */
export function startPrismMock(port?: number, envName?: string): Promise<PrismServer> {
  return startPrism(['mock', bundledSpec], port, envName);
}

/**
 * `prism proxy --errors` in front of upstream: forwards every request and turns any request or
 * response that violates the spec into an error response, so that a violation fails the test.
 */
export function startPrismProxy(upstream: string): Promise<PrismServer> {
  return startPrism(['proxy', bundledSpec, upstream, '--errors']);
}
