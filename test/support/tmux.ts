/**
 * A real terminal for the CLI: a detached tmux session of a given size, on a tmux server of its
 * own (its own socket), running bash. Tests type into it with send-keys and read the screen with
 * capture-pane, as a person would see it. tmux is required: without it these tests fail, saying so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';

/** LOOPS_NODE_HTTP as this run of the suites set it (test/support/fetch-transport.ts), if it did. */
const transportEnv: Record<string, string> =
  process.env.LOOPS_NODE_HTTP === undefined ? {} : { LOOPS_NODE_HTTP: process.env.LOOPS_NODE_HTTP };

function requireTmux(): void {
  if (spawnSync('tmux', ['-V']).status !== 0) {
    throw new Error(
      'tmux is not installed: the terminal tests need it (apt-get install -y tmux; .ci/run installs it).',
    );
  }
}

export class Terminal {
  /** Terminals not closed yet: closeAll() ends them after a test that timed out before its finally. */
  static readonly #open = new Set<Terminal>();
  readonly #socket: string;
  #socketPath = '';

  private constructor(socket: string) {
    this.#socket = socket;
  }

  static closeAll(): void {
    for (const terminal of Terminal.#open) terminal.close();
  }

  /**
   * A terminal width × height cells, its shell given env and the transport of this run (a tmux
   * server does not pass on the test's own environment); close() it in a finally or afterAll.
   */
  static open(name: string, width: number, height: number, env: Record<string, string>): Terminal {
    requireTmux();
    const terminal = new Terminal(`loops-${name}-${process.pid}`);
    const vars = Object.entries({ ...transportEnv, ...env, PS1: '$ ', HISTFILE: '/dev/null' }).flatMap(
      ([key, value]) => ['-e', `${key}=${value}`],
    );
    const size = ['-x', String(width), '-y', String(height)];
    Terminal.#open.add(terminal);
    terminal.tmux('-f', '/dev/null', 'new-session', '-d', '-s', 'main', ...size, ...vars, 'bash --noprofile --norc');
    terminal.#socketPath = terminal.tmux('display-message', '-p', '#{socket_path}').trim();
    return terminal;
  }

  tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.#socket, ...args], { encoding: 'utf8' });
  }

  /** Types a command line and presses Enter; its exit status shows up as `exit=N` when it ends. */
  run(command: string): void {
    this.tmux('send-keys', '-t', 'main', '-l', `clear; ${command}; echo "exit=$?"`);
    this.tmux('send-keys', '-t', 'main', 'Enter');
  }

  /** Keys as tmux names them (`C-c`). */
  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  /** The screen as it shows now, one string per line: a line the terminal wrapped is joined back (longer than the width). */
  screen(): string[] {
    const text = this.tmux('capture-pane', '-p', '-J', '-t', 'main');
    return text
      .replace(/\n+$/, '')
      .split('\n')
      .map((line) => line.trimEnd());
  }

  /** The pane's title, which an OSC 0 or 2 sequence written to the terminal would change. */
  title(): string {
    return this.tmux('display-message', '-p', '-t', 'main', '#{pane_title}').trim();
  }

  /** Polls the screen until the last command ended; its exit status and the screen. */
  async finished(timeoutMs = 15_000): Promise<{ status: number; screen: string[] }> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      const ended = screen.map((line) => /^exit=(\d+)$/.exec(line)).find(Boolean);
      if (ended) return { status: Number(ended[1]), screen };
      if (Date.now() > deadline) throw new Error(`the command did not end; the screen:\n${screen.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Ends the tmux server and removes its socket, which tmux leaves behind. */
  close(): void {
    Terminal.#open.delete(this);
    spawnSync('tmux', ['-L', this.#socket, 'kill-server']);
    if (this.#socketPath) rmSync(this.#socketPath, { force: true });
  }
}
