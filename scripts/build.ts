/**
 * `npm run build`: the package as ESM (dist/esm) and CommonJS (dist/cjs), each with declarations,
 * and the `loops-checkout` CLI as one file (dist/cli) with its argument parser and progress bar
 * inlined, so that the SDK's own dependencies stay openapi-fetch alone.
 * A package.json of {"type": "commonjs"} in dist/cjs makes Node and TypeScript read that tree as CJS.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCli } from './harness/bundle.js';
import { root } from './harness/paths.js';

const tsc = join(root, 'node_modules/typescript/bin/tsc');

rmSync(join(root, 'dist/esm'), { recursive: true, force: true });
rmSync(join(root, 'dist/cjs'), { recursive: true, force: true });
rmSync(join(root, 'dist/cli'), { recursive: true, force: true });
for (const config of ['tsconfig.build.json', 'tsconfig.build.cjs.json']) {
  const result = spawnSync(process.execPath, [tsc, '-p', config], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
writeFileSync(join(root, 'dist/cjs/package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
await bundleCli(join(root, 'dist/cli/loops-checkout.mjs'));
// To stderr: `npm pack --json` runs this first (prepack), and its stdout must stay JSON.
console.error('Built dist/esm, dist/cjs and dist/cli.');
