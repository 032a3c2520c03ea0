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

/** The port named by an environment variable, or fallback; anything else there is a usage error. */
export function portFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const port = Number(text);
  if (!(Number.isInteger(port) && port >= 0 && port <= 65_535)) {
    throw new Error(`${name}=${text} is not a port: give a whole number from 0 to 65535 (0 picks a free one).`);
  }
  return port;
}

/** What to say when port is taken, naming the variable that moves it. */
export function portBusy(port: number, envName: string): Error {
  return new Error(
    `Port ${port} on 127.0.0.1 is already in use by another program. Stop it, or pick another port: ${envName}=${port + 1}.`,
  );
}

/** Throws portBusy() unless port can be listened on now (0 always can). */
export async function assertPortFree(port: number, envName: string): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portBusy(port, envName) : error),
    );
    server.listen(port, '127.0.0.1', () => server.close(() => resolve()));
  });
}

/**
 * Calls stop on SIGINT and SIGTERM, and when the process that started this one dies: npm forwards
 * its signals, but not when it is killed outright, and a server left behind would hold its port.
 */
export function stopOnSignalOrOrphan(stop: () => Promise<void>): void {
  let stopping = false;
  const once = async () => {
    if (stopping) return;
    stopping = true;
    await stop();
    process.exit(0);
  };
  process.on('SIGINT', once);
  process.on('SIGTERM', once);
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) void once();
  }, 500).unref();
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
