/** Redocly's `respect`: runs an Arazzo workflow against a live server and checks every answer against the spec. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../../scripts/harness/paths.js';

const cli = join(root, 'node_modules/@redocly/cli/bin/cli.js');

export interface Check {
  name: string;
  passed: boolean;
  severity: string;
  status: string;
  message: string;
}

export interface RespectRun {
  code: number;
  /** stdout and stderr, without the box Redocly prints on Node 20 about its end of support. */
  output: string;
  /** Every check of every step, from respect's JSON log. */
  checks: (Check & { step: string })[];
}

/** The Node 20 notice: a box drawn from ╔ to ╝, unrelated to the workflow. */
const nodeNotice = /╔[\s\S]*?╝/g;

/**
 * Runs `respect workflow --server source=url` with inputs, asynchronously: the server under test
 * may live in this very process, and a synchronous child would keep it from answering.
 */
export async function respect(workflow: string, servers: Record<string, string>, inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'loops-respect-'));
  const log = join(dir, 'respect.json');
  const args = [cli, 'respect', workflow, '--json-output', log];
  for (const [name, url] of Object.entries(servers)) args.push('--server', `${name}=${url}`);
  for (const [name, value] of Object.entries(inputs)) args.push('--input', `${name}=${value}`);
  try {
    const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
      const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };
      execFile(process.execPath, args, { cwd: root, env, timeout: 60_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}`.replace(nodeNotice, '') }),
      );
    });
    const logged = JSON.parse(readFileSync(log, 'utf8')) as {
      files: Record<string, { executedWorkflows: { executedSteps: { stepId: string; checks: Check[] }[] }[] }>;
    };
    const checks = Object.values(logged.files).flatMap((file) =>
      file.executedWorkflows.flatMap((run) =>
        run.executedSteps.flatMap((step) => step.checks.map((check) => ({ ...check, step: step.stepId }))),
      ),
    );
    return { code, output, checks } satisfies RespectRun;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
