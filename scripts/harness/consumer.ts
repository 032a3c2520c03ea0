import { execFile, type SpawnSyncOptions, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from './paths.js';

/** Runs a command, failing with its output when it does not exit 0. */
export function run(command: string, args: string[], options: SpawnSyncOptions = {}): string {
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8', timeout: 300_000, ...options });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${output}`);
  return output;
}

/**
 * Runs a command without blocking this process, for commands that talk to a server it runs,
 * and resolves to its standard output.
 */
export function runAsync(command: string, args: string[], cwd: string, timeout = 120_000): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, timeout, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')} failed (${error.message}):\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}

export interface Consumer {
  dir: string;
  remove(): void;
}

/**
 * A project in a temp folder that installs this package from the tarball `npm pack` makes, as a
 * user's project would: only what the package publishes is there.
 */
export function createConsumer(): Consumer {
  run(process.execPath, ['--import', 'tsx', 'scripts/build.ts']);
  const dir = mkdtempSync(join(tmpdir(), 'loops-consumer-'));
  try {
    run('npm', ['pack', '--silent', '--pack-destination', dir]);
    const tarball = readdirSync(dir).find((name) => name.endsWith('.tgz'))!;
    writeFileSync(
      join(dir, 'package.json'),
      JSON.stringify({ name: 'loops-consumer', private: true, type: 'module' }, null, 2),
    );
    run('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--no-package-lock', `./${tarball}`], {
      cwd: dir,
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
