/**
 * `npm run build`: the package's JavaScript as one bundled file per entry point (`.` and
 * `./testing`, each as ESM in dist/esm and CommonJS in dist/cjs, at the paths tsc gave them, so the
 * exports map is unchanged; `.` twice, index.node.js with the node:http transport for Node and
 * index.js for every other runtime), tsc's declarations beside them, and the `loops-checkout` CLI as one
 * file (dist/cli) with its argument parser and progress bar inlined, so that the SDK's own
 * dependencies stay openapi-fetch alone.
 * A package.json of {"type": "commonjs"} in dist/cjs makes Node and TypeScript read that tree as CJS.
 */
import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleCli, bundleEntry } from './harness/bundle.js';
import { root } from './harness/paths.js';

const tsc = join(root, 'node_modules/typescript/bin/tsc');
const entries = ['src/index', 'src/testing/index'];

for (const dir of ['dist/esm', 'dist/cjs', 'dist/cli']) rmSync(join(root, dir), { recursive: true, force: true });
for (const config of ['tsconfig.build.json', 'tsconfig.build.cjs.json']) {
  const result = spawnSync(process.execPath, [tsc, '-p', config, '--emitDeclarationOnly'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
for (const entry of entries) {
  for (const format of ['esm', 'cjs'] as const) {
    const source = join(root, `${entry}.ts`);
    // The SDK's entry twice: for Node, with its node:http transport (index.node.js), and for every other runtime.
    if (entry === 'src/index') await bundleEntry(source, join(root, `dist/${format}/${entry}.node.js`), format);
    await bundleEntry(source, join(root, `dist/${format}/${entry}.js`), format, { nodeHttp: entry !== 'src/index' });
  }
}
writeFileSync(join(root, 'dist/cjs/package.json'), `${JSON.stringify({ type: 'commonjs' }, null, 2)}\n`);
await bundleCli(join(root, 'dist/cli/loops-checkout.mjs'));
// To stderr: `npm pack --json` runs this first (prepack), and its stdout must stay JSON.
console.error('Built dist/esm, dist/cjs and dist/cli.');
