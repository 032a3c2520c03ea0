/**
 * Times one import in a fresh process, so that nothing is cached: argv `esm|cjs SPECIFIER`, a
 * package name or an absolute path. Prints the milliseconds that import() or require() took.
 */
import { createRequire } from 'node:module';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';

const [kind, specifier] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const target = kind === 'esm' && isAbsolute(specifier) ? pathToFileURL(specifier).href : specifier;
const started = performance.now();
if (kind === 'cjs') require(target);
else await import(target);
process.stdout.write(String(performance.now() - started));
