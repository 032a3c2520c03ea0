/**
 * The built `loops-checkout` bin, run as a user's shell would: a child process with the key in its
 * environment, stdout and stderr as pipes, against a fake Loops server the test file owns.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { bundleCli } from '../../scripts/harness/bundle.js';
import { createFakeLoopsServer, type FakeLoopsServer, type FakeSession } from '../../src/testing/index.js';
import { apiKey } from './client.js';

export interface CliResult {
  status: number | null;
  /** The signal that ended the process, when one did. */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliSetup {
  /** The bin, bundled into a directory of its own (the package suite rebuilds dist/ meanwhile). */
  bin: string;
  fake: FakeLoopsServer;
  /** The environment a run gets: the key, the fake's URL, and no LOOPS_LOG of the machine's. */
  env(extra?: Record<string, string | undefined>): NodeJS.ProcessEnv;
  /** The runs still going, killed after each test, whether it passed or not. */
  running: Set<ChildProcessWithoutNullStreams>;
}

/** Builds the bin and starts a fake server with sessions for this file; both go away after it. */
export function useCli(sessions: FakeSession[]): CliSetup {
  const dir = mkdtempSync(join(tmpdir(), 'loops-cli-'));
  const setup: CliSetup = {
    bin: join(dir, 'loops-checkout.mjs'),
    fake: undefined as unknown as FakeLoopsServer,
    env: (extra = {}) => ({
      ...process.env,
      LOOPS_API_KEY: apiKey,
      LOOPS_BASE_URL: setup.fake.url,
      LOOPS_LOG: undefined,
      ...extra,
    }),
    running: new Set(),
  };
  beforeAll(async () => {
    await bundleCli(setup.bin);
    setup.fake = await createFakeLoopsServer({ sessions, apiKey });
  }, 120_000);
  afterEach(() => {
    for (const child of setup.running) child.kill('SIGKILL');
  });
  afterAll(async () => {
    await setup.fake?.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return setup;
}

/** A running bin: its output so far, a way to wait for some of it, and its end. */
export interface RunningCli {
  child: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves once ready holds (given the output so far); rejects if the process ends first. */
  until(ready: (stdout: string, stderr: string) => boolean): Promise<void>;
  done: Promise<CliResult>;
}

export function startCli(
  setup: CliSetup,
  args: string[],
  env: Record<string, string | undefined> = {},
  nodeArgs: string[] = [],
): RunningCli {
  const child = spawn(process.execPath, [...nodeArgs, setup.bin, ...args], { env: setup.env(env) });
  setup.running.add(child);
  child.on('exit', () => setup.running.delete(child));
  let stdout = '';
  let stderr = '';
  const waiting = new Set<() => void>();
  const wake = () => {
    for (const check of waiting) check();
  };
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
    wake();
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    wake();
  });
  const done = new Promise<CliResult>((resolve) =>
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr })),
  );
  // Checked on every chunk of output, and every 20 ms for what is not output (the fake server's log).
  const until = (ready: (stdout: string, stderr: string) => boolean) =>
    new Promise<void>((resolve, reject) => {
      const poll = setInterval(() => check(), 20);
      const check = () => {
        if (!ready(stdout, stderr)) return;
        clearInterval(poll);
        waiting.delete(check);
        resolve();
      };
      waiting.add(check);
      check();
      done.then(() => {
        clearInterval(poll);
        if (waiting.delete(check)) reject(new Error(`the CLI ended first; stderr: ${stderr}`));
      });
    });
  return { child, stdout: () => stdout, stderr: () => stderr, until, done };
}

/** Runs the bin to its end. */
export function runCli(
  setup: CliSetup,
  args: string[],
  env: Record<string, string | undefined> = {},
  nodeArgs: string[] = [],
): Promise<CliResult> {
  return startCli(setup, args, env, nodeArgs).done;
}

/** RFC 4180 records, by csv-parse in strict mode: a malformed file throws. */
export function parseCsv(text: string): string[][] {
  return parse(text, { relax_quotes: false, relax_column_count: false, record_delimiter: '\r\n' }) as string[][];
}

/** The sessions as the CLI's JSONL. */
export function jsonLines(text: string): unknown[] {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}
