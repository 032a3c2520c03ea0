/**
 * 7. Size: the SDK's ESM entry bundled with its dependencies, minified and gzipped (bundleSize, as
 * `npm test`'s guard measures it), what each module of it weighs, and the bundles it compares with.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, transform } from 'esbuild';
import { type BundleSize, bundleSize } from '../harness/bundle.js';
import { root } from '../harness/paths.js';
import { sdkEsm, sdkEsmDefault } from './config.js';

export interface ModuleSize {
  path: string;
  /** Its minified bytes in the bundle (esbuild's metafile). */
  inBundle: number;
  /** The module minified by itself, then gzipped by itself: a module's share of the gzip is less. */
  gzippedAlone: number;
}

export interface SizeFigures {
  /** The SDK's entry for every runtime but Node, what browser and edge bundles carry: the size guard's. */
  sdk: BundleSize;
  /** The SDK's entry for Node, with the node:http transport. */
  sdkNode: BundleSize;
  /** The bundle of src/index.ts, whose metafile names every module (dist/ may be one file already). */
  fromSource: BundleSize;
  modules: ModuleSize[];
  createClient: BundleSize;
  openapiFetch: BundleSize;
  stripe: BundleSize;
}

async function modulesOf(entry: string): Promise<{ size: BundleSize; modules: ModuleSize[] }> {
  // The options of bundleSize(), plus a metafile.
  const result = await build({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  const [output] = Object.values(result.metafile.outputs);
  const modules: ModuleSize[] = [];
  for (const [path, { bytesInOutput }] of Object.entries(output!.inputs)) {
    if (!bytesInOutput) continue;
    const loader = path.endsWith('.ts') ? 'ts' : 'js';
    const alone = await transform(readFileSync(join(root, path), 'utf8'), { loader, minify: true, format: 'esm' });
    modules.push({ path, inBundle: bytesInOutput, gzippedAlone: gzipSync(alone.code, { level: 9 }).length });
  }
  modules.sort((a, b) => b.inBundle - a.inBundle);
  return { size: { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length }, modules };
}

export async function measureSizes(): Promise<SizeFigures> {
  const scratch = join(root, 'node_modules/.cache/bench-size');
  const createClientOnly = join(scratch, 'create-client.mjs');
  mkdirSync(scratch, { recursive: true });
  writeFileSync(createClientOnly, "export { default } from 'openapi-fetch';\n");
  const { size: fromSource, modules } = await modulesOf('src/index.ts');
  return {
    sdk: await bundleSize(sdkEsmDefault),
    sdkNode: await bundleSize(sdkEsm),
    fromSource,
    modules,
    createClient: await bundleSize(createClientOnly),
    openapiFetch: await bundleSize(join(root, 'node_modules/openapi-fetch/dist/index.mjs')),
    stripe: await bundleSize(join(root, 'node_modules/stripe/esm/stripe.esm.node.js'), 'node'),
  };
}
