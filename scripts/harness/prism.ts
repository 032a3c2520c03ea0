import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './paths.js';
import { assertPortFree, freePort, startLeashed, waitUntilAnswering } from './processes.js';

const prismBin = fileURLToPath(new URL('../../node_modules/@stoplight/prism-cli/dist/index.js', import.meta.url));
const bundledSpec = 'generated/openapi.json';

export interface PrismServer {
  url: string;
  stop(): Promise<void>;
}

interface Started {
  /** The spec file Prism serves; Prism restarts (refusing connections meanwhile) whenever it changes. */
  spec: string;
  port?: number | undefined;
  envName?: string | undefined;
}

async function startPrism(command: string[], { spec, port, envName = 'the port' }: Started): Promise<PrismServer> {
  // Checked first: a stranger on the port would answer the readiness poll, and Prism would fail to bind.
  if (port) await assertPortFree(port, envName);
  port ||= await freePort();
  const [verb, ...rest] = command;
  const prism = startLeashed(
    process.execPath,
    [prismBin, verb!, spec, ...rest, '--host', '127.0.0.1', '--port', String(port)],
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

/**
 * A copy of the bundle for a Prism of its own: Prism watches the file it serves and restarts when it
 * changes, so a test that regenerates generated/ would otherwise knock out every Prism of the run.
 */
function snapshot(): { spec: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'loops-prism-'));
  const spec = join(dir, 'openapi.json');
  copyFileSync(join(root, bundledSpec), spec);
  return { spec, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

async function startOnSnapshot(command: string[]): Promise<PrismServer> {
  const copy = snapshot();
  try {
    const prism = await startPrism(command, { spec: copy.spec });
    return {
      url: prism.url,
      async stop() {
        await prism.stop();
        copy.remove();
      },
    };
  } catch (error) {
    copy.remove();
    throw error;
  }
}

/**
 * `prism mock` of the bundled spec: answers every request from the spec's examples. With a port
 * (npm start) it serves generated/ itself and reloads when it changes; without one (tests) a snapshot.
 */
export function startPrismMock(port?: number, envName?: string): Promise<PrismServer> {
  return port ? startPrism(['mock'], { spec: bundledSpec, port, envName }) : startOnSnapshot(['mock']);
}

/**
 * `prism proxy --errors` in front of upstream, on a snapshot of the bundle: forwards every request
 * and turns any request or response that violates the spec into an error response, so that a
 * violation fails the test.
 */
export function startPrismProxy(upstream: string): Promise<PrismServer> {
  return startOnSnapshot(['proxy', upstream, '--errors']);
}
