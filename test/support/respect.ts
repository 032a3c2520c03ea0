/** Redocly's `respect`: runs an Arazzo workflow against a live server and checks every answer against the spec. */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseDocument, visit } from 'yaml';
import { operationMetadata } from '../../generated/operations.js';
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
 * A copy of the workflow in dir, its source descriptions by absolute path, and each parameter marked
 * `x-pagination: <fact>` named as the spec's x-pagination names that fact today: a renamed cursor
 * (an ordinary spec change, see test/evolution/) needs no edit of the workflow.
 */
function synced(workflow: string, dir: string): string {
  const document = parseDocument(readFileSync(join(root, workflow), 'utf8'));
  const paging = operationMetadata.listCheckoutSessions.pagination as unknown as Record<string, string>;
  visit(document, {
    Map(_, node) {
      const fact = node.get('x-pagination');
      if (typeof fact === 'string') node.set('name', paging[fact]);
      const url = node.get('url');
      if (node.get('type') === 'openapi' && typeof url === 'string')
        node.set('url', resolve(root, dirname(workflow), url));
    },
  });
  const copy = join(dir, basename(workflow));
  writeFileSync(copy, document.toString());
  return copy;
}

/**
 * Runs `respect workflow --server source=url` with inputs, asynchronously: the server under test
 * may live in this very process, and a synchronous child would keep it from answering.
 */
export async function respect(workflow: string, servers: Record<string, string>, inputs: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'loops-respect-'));
  const log = join(dir, 'respect.json');
  const args = [cli, 'respect', synced(workflow, dir), '--json-output', log];
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
