import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/harness/paths.js';
import {
  allChanges,
  newField,
  newFilter,
  newMaximum,
  newStatus,
  renamedCursor,
  unimplemented,
} from './spec-changes.js';

const probe = join(dirname(fileURLToPath(import.meta.url)), 'probe.ts');
let scratch: string;

/** Runs a command in the scratch copy; fails the test with its output when it does not exit 0. */
function inScratch(command: string, args: string[], env: Record<string, string> = {}): string {
  const result = spawnSync(command, args, {
    cwd: scratch,
    encoding: 'utf8',
    timeout: 300_000,
    env: { ...process.env, ...env, FORCE_COLOR: '0', NO_COLOR: '1' },
  });
  const output = `${result.stdout}${result.stderr}`;
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} exited ${result.status} in the scratch copy:\n${output}`);
  return output;
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: scratch, encoding: 'utf8' });

beforeAll(() => {
  // A copy of the tracked tree as it is now, with its own git history to diff against, and the
  // repo's node_modules linked in: what a spec owner's clone looks like.
  scratch = mkdtempSync(join(tmpdir(), 'loops-evolution-'));
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const file of files.split('\n').filter(Boolean)) {
    mkdirSync(dirname(join(scratch, file)), { recursive: true });
    cpSync(join(root, file), join(scratch, file));
  }
  symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=evolution', '-c', 'user.email=evolution@example.com', 'commit', '-qm', 'before');
  for (const change of allChanges) change(scratch);
  inScratch('npm', ['run', 'generate']);
}, 300_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

describe('ordinary spec changes reach the SDK, the fake server and the tests with `npm run generate` alone', () => {
  it('the changed spec lints clean', () => {
    inScratch('npm', ['run', 'lint']);
  });

  it('the SDK sends the new filter, status value and limit; auto-pagination uses the renamed cursor; the fake server accepts them', () => {
    const output = inScratch(
      process.execPath,
      ['--import', 'tsx', probe, newFilter, newStatus, String(newMaximum), newField, unimplemented.path],
      {
        SCRATCH_DIR: scratch,
      },
    );
    const seen = JSON.parse(output.trim().split('\n').at(-1)!);
    expect(seen.cursorParam).toBe(renamedCursor);
    expect(seen.firstQuery).toEqual({ [newFilter]: 'cus_evolved', status: newStatus, limit: String(newMaximum) });
    expect(seen.firstOutcome).toBe('ok');
    expect(seen.walked).toBe(5);
    expect(seen.walkQueries).toEqual([
      { limit: '2' },
      { limit: '2', [renamedCursor]: expect.any(String) },
      { limit: '2', [renamedCursor]: expect.any(String) },
    ]);
    expect(seen.newField).toBe('web');
    expect(seen.unimplemented.status).toBe(501);
    expect(seen.unimplemented.body.error.message).toContain(`does not implement ${unimplemented.id}`);
  });

  it('the type-check and the quick test suite pass', () => {
    inScratch(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '--noEmit']);
    inScratch(process.execPath, [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--config',
      'vitest.quick.config.ts',
    ]);
  }, 300_000);

  it('no file outside spec/ and generated/ had to change', () => {
    const changed = git('status', '--porcelain', '--untracked-files=all')
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.filter((file) => !file.startsWith('spec/') && !file.startsWith('generated/'))).toEqual([]);
  });
});
