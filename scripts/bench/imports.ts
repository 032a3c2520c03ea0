/**
 * 6. Import time: one import() or require() in a fresh process (import-child.mjs), on each Node,
 * the modules alternating run by run. Process start is not in the figure, only the import.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../harness/paths.js';
import { sdkCjs, sdkEsm } from './config.js';
import type { NodeBinary } from './node-versions.js';
import { rotate } from './stats.js';

/** Milliseconds per run, by module. */
export type ImportFigures = Record<string, number[]>;

export const importTargets: Record<string, [kind: 'esm' | 'cjs', specifier: string]> = {
  'SDK, ESM': ['esm', sdkEsm],
  'SDK, CJS': ['cjs', sdkCjs],
  'openapi-fetch alone, ESM': ['esm', 'openapi-fetch'],
  'stripe-node, ESM': ['esm', 'stripe'],
  'stripe-node, CJS': ['cjs', 'stripe'],
};

export function measureImports(node: NodeBinary, runs: number): ImportFigures {
  const script = join(root, 'scripts/bench/import-child.mjs');
  const names = Object.keys(importTargets);
  const figures: ImportFigures = Object.fromEntries(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of rotate(names, run)) {
      const [kind, specifier] = importTargets[name]!;
      const result = spawnSync(node.execPath, [script, kind, specifier], { cwd: root, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`importing ${name} on ${node.label} failed:\n${result.stderr}`);
      figures[name]!.push(Number(result.stdout));
    }
  }
  return figures;
}
