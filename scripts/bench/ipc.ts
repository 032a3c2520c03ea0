/** The bench's child processes, driven over IPC: one question, one answer, in turn. */
import { type ChildProcess, fork } from 'node:child_process';

export interface Child {
  process: ChildProcess;
  /** Sends message and resolves with the child's next message; rejects if the child dies first. */
  ask<T>(message: unknown): Promise<T>;
  stop(): void;
}

export interface ChildOptions {
  args?: string[];
  execArgv?: string[];
  /** The node binary, for children on another version of Node. Default this one. */
  execPath?: string;
  env?: Record<string, string>;
}

/** Forks script and waits for its first message (it says it is ready, and where). */
export async function startChild<Ready>(script: string, options: ChildOptions = {}): Promise<Child & { ready: Ready }> {
  const child = fork(script, options.args ?? [], {
    execArgv: options.execArgv ?? [],
    ...(options.execPath && { execPath: options.execPath }),
    env: { ...process.env, ...options.env },
  });
  const ask = <T>(message: unknown) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${script} exited (${code}) without an answer`));
      child.once('exit', onExit);
      child.once('message', (reply: T & { error?: string }) => {
        child.off('exit', onExit);
        if (reply?.error) reject(new Error(`${script}: ${reply.error}`));
        else resolve(reply);
      });
      if (message !== undefined) child.send(message as never);
    });
  const ready = await ask<Ready>(undefined);
  const stop = () => {
    if (child.exitCode === null && child.connected) child.send('stop');
    // A child that does not stop when asked is killed: nothing must outlive the bench.
    setTimeout(() => child.exitCode === null && child.kill('SIGKILL'), 5_000).unref();
  };
  return { process: child, ask, stop, ready };
}
