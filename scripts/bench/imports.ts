/**
 * 6. Import time: one import() or require() in a fresh process (import-child.mjs), on each Node,
 * the modules alternating run by run. Neither process start nor the loader's first warm-up is in
 * the figure, only the import; an empty module's row shows what loading any file costs.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../harness/paths.js';
import { sdkCjs, sdkEsm } from './config.js';
import type { NodeBinary } from './node-versions.js';
import { rotate } from './stats.js';

/** Milliseconds per run, by module. */
export type ImportFigures = Record<string, number[]>;

// Tiny modules: one to warm the loader up before the timed import, one as the floor any file costs.
const scratch = join(root, 'node_modules/.cache/bench-imports');
const tiny = (name: string) => join(scratch, name);

export const importTargets: Record<string, [kind: 'esm' | 'cjs', specifier: string]> = {
  'an empty module, ESM (the floor)': ['esm', tiny('empty.mjs')],
  'an empty module, CJS (the floor)': ['cjs', tiny('empty.cjs')],
  'SDK, ESM': ['esm', sdkEsm],
  'SDK, CJS': ['cjs', sdkCjs],
  'openapi-fetch alone, ESM': ['esm', 'openapi-fetch'],
  'stripe-node, ESM': ['esm', 'stripe'],
  'stripe-node, CJS': ['cjs', 'stripe'],
};

export function measureImports(node: NodeBinary, runs: number): ImportFigures {
  const script = join(root, 'scripts/bench/import-child.mjs');
  mkdirSync(scratch, { recursive: true });
  for (const name of ['empty', 'warm-up']) {
    writeFileSync(tiny(`${name}.mjs`), 'export const answer = 42;\n');
    writeFileSync(tiny(`${name}.cjs`), 'exports.answer = 42;\n');
  }
  const names = Object.keys(importTargets);
  const figures: ImportFigures = Object.fromEntries(names.map((name) => [name, []]));
  for (let run = 0; run < runs; run++) {
    for (const name of rotate(names, run)) {
      const [kind, specifier] = importTargets[name]!;
      const warmUp = tiny(`warm-up.${kind === 'esm' ? 'mjs' : 'cjs'}`);
      const result = spawnSync(node.execPath, [script, kind, specifier, warmUp], { cwd: root, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`importing ${name} on ${node.label} failed:\n${result.stderr}`);
      figures[name]!.push(Number(result.stdout));
    }
  }
  return figures;
}
