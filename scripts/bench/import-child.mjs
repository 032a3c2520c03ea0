/**
 * Times one import in a fresh process, so that nothing of it is cached: argv `esm|cjs SPECIFIER
 * WARM_UP`, the specifier a package name or an absolute path, WARM_UP a tiny file of the same kind.
 * Prints the milliseconds that import() or require() of SPECIFIER took.
 */
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

const [kind, specifier, warmUp] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const load = (what) => {
  if (kind === 'cjs') return require(what);
  return import(isAbsolute(what) ? pathToFileURL(what).href : what);
};
// The first file a process loads pays some milliseconds of the loader's own warm-up, whatever the
// file: an application has paid them before it imports the SDK, so they are paid here first too.
await load(warmUp);
const started = performance.now();
await load(specifier);
// Read the clock before touching process.stdout, whose first use sets the stream up (milliseconds).
const ms = performance.now() - started;
process.stdout.write(String(ms));
