import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './paths.js';

const cli = join(root, 'node_modules/@redocly/cli/bin/cli.js');

/** Runs the Redocly CLI in the repo root with telemetry and update notices off; throws with its output if it fails. */
export function runRedocly(args: string[]): void {
  const result = spawnSync(process.execPath, [cli, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (result.status !== 0) throw new Error(`redocly ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
}
