import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const leash = fileURLToPath(new URL('./leash.mjs', import.meta.url));

/** A free TCP port on 127.0.0.1, found by letting the OS pick one. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export interface Leashed {
  /** Everything the process printed so far, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts a long-running command on a leash: stop() ends it, and so does the death of this
 * process, because the leash ends the command's whole process group when its stdin closes.
 */
export function startLeashed(command: string, args: string[], cwd: string): Leashed {
  const child: ChildProcess = spawn(process.execPath, [leash, command, ...args], {
    cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.stdin?.end();
        await exited;
      }
    },
  };
}

/** Polls url until it answers with any HTTP status, or fails after timeoutMs. */
export async function waitUntilAnswering(url: string, timeoutMs: number, leashed: Leashed): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      if (Date.now() > deadline) {
        throw new Error(`${url} did not answer within ${timeoutMs} ms. Output:\n${leashed.output()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
