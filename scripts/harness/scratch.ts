import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { root } from './paths.js';

export interface ScratchCopy {
  dir: string;
  /** Runs a command there; throws with its output unless it exits 0. */
  run(command: string, args: string[], env?: Record<string, string>): string;
  /** Runs a command there and returns its exit code and output, whatever they are. */
  attempt(command: string, args: string[], env?: Record<string, string>): { status: number | null; output: string };
  git(...args: string[]): string;
  remove(): void;
}

/**
 * A copy of the repo's files as they are in the working tree (tracked, and untracked but not
 * ignored), with a git history of one commit and the repo's node_modules linked in: what a spec
 * owner's clone looks like, to change and test without touching this one.
 */
export function createScratchCopy(prefix = 'loops-scratch-'): ScratchCopy {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' });
  const attempt = (command: string, args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(command, args, {
      cwd: dir,
      encoding: 'utf8',
      timeout: 300_000,
      env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const file of files.split('\n').filter(Boolean)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=scratch', '-c', 'user.email=scratch@example.com', 'commit', '-qm', 'the repo as it was');
  return {
    dir,
    git,
    attempt,
    run(command, args, env) {
      const { status, output } = attempt(command, args, env);
      if (status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${status} in ${dir}:\n${output}`);
      return output;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
