/**
 * Bundling with esbuild: what an entry point costs a browser or edge bundle (with its dependencies,
 * minified, then gzipped), the browser build the runtime matrix loads, and the CLI's file (and the
 * MCP server's chunks).
 */
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Platform, type Plugin } from 'esbuild';
import { root } from './paths.js';

/** The size bar the project set for the SDK's ESM entry with openapi-fetch, min+gzip: reported in BENCHMARKS.md. */
export const sizeTargetBytes = 6_000;
/**
 * What `npm test` enforces, above the 6 kB bar, which the SDK has not met since it was hardened
 * against hostile input (key checks and redaction, the body bound, telling network failures from
 * bugs, option checks, safe pages: 5.82 → 8.08 kB), the spec came to drive it (the operation table,
 * validation by the spec's rules, one request path, retrieve(): → 8.86 kB), it learnt what SDK users
 * expect (logging, headers and extra query, withResponse(), VERSION and User-Agent: → 9.85 kB), a
 * review's fixes (→ 10.15 kB), prefetching auto-pagination (→ 10.43 kB, after a trimming pass
 * that saved 75 B without dropping anything) and hardening against typos and hostile input (options
 * checked by name with a suggestion, redaction of every encoding of the key, extra query names
 * encoded, control characters escaped, answers that are not HTTP, aborting return(): → 11.43 kB), and
 * the generated SDK with its first POST (→ 13.92 kB): request bodies checked by one interpreter of
 * the spec's JSON Schema (+2.6 kB minified net, parameters now checked by it too) and their rules
 * (+1.6 kB), the engine behind the generated methods (+0.95 kB net), pages generic over any list and
 * paged by cursor or offset (+0.86 kB), safe retries of a POST and idempotency keys (+1.0 kB), and
 * the SDK's calls sent straight to a transport (→ 14.86 kB: +2.9 kB minified, the sender, the body
 * read without a second Response, the choice of transport and its option, cancelling an attempt
 * without a signal, a walk told when its prefetch has left), which brought their CPU per call from
 * some 1.5× openapi-fetch's to 1.25× (BENCHMARKS.md), then a review's fixes for what node:http did
 * unlike fetch (→ 15.13 kB: `baseUrl` normalised as a URL parser reads it, framing headers and header
 * values with a line break inside refused, the key redacted in any letter case).
 * That is over the 11 kB bar: meeting it would mean dropping openapi-fetch (2.6 kB, kept for
 * `loops.raw`) and the body checks. BENCHMARKS.md weighs each module. The guard sits just above
 * today's size, so that growth is a decision, not an accident.
 */
export const sizeGuardBytes = 15_150;

/**
 * The same for the SDK's entry for Node (index.node.js), which adds the node:http transport (+1.1 kB
 * min+gzip, 15.96 kB), then what two reviews found it doing unlike fetch (→ 16.62 kB: an undici Agent
 * of the program's own, its factory included, told from undici's defaults, raw deflate, decoders
 * stopped at the bound, statuses and reason phrases that Response refuses, header values trimmed):
 * bundlers for Node pick it, browser and edge bundles never see it.
 */
export const sizeGuardNodeBytes = 16_700;

export interface BundleSize {
  minified: number;
  gzipped: number;
}

export async function bundleSize(entry: string, platform: Platform = 'neutral'): Promise<BundleSize> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    mainFields: ['module', 'main'],
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

/**
 * The SDK for every runtime but Node: src/node-http.ts swapped for src/node-http-absent.ts, so that
 * browsers, edge runtimes and their bundles carry no node:http code. Node gets its own build
 * (package.json's `node` condition) with the transport.
 */
export const withoutNodeHttp: Plugin = {
  name: 'without-node-http',
  setup(build) {
    build.onResolve({ filter: /^\.\/node-http\.js$/ }, () => ({ path: join(root, 'src/node-http-absent.ts') }));
  },
};

/**
 * One published entry point as one file, its own modules inlined. A fresh process then reads one
 * file where it read one per module (22 of them). openapi-fetch is inlined too: measured in fresh
 * Node 20 processes (15 alternating runs, medians), `await import()` took 65 ms as tsc's 22 files,
 * 19–22 ms as one file importing openapi-fetch from node_modules, and 13.6–14.7 ms with it inlined
 * (an empty module: 10.3 ms). Its declarations still name openapi-fetch's types, so it stays a
 * dependency.
 */
export async function bundleEntry(
  entry: string,
  outfile: string,
  format: 'esm' | 'cjs',
  { nodeHttp = true } = {},
): Promise<void> {
  await build({
    plugins: nodeHttp ? [] : [withoutNodeHttp],
    entryPoints: [entry],
    outfile,
    bundle: true,
    format,
    // The SDK runs on Node, Bun, Deno, edge runtimes and browsers; ./testing needs node:http.
    platform: entry.includes('testing') ? 'node' : 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2022',
    // Whitespace and syntax only: a third less to parse (5.7 → 3.8 ms to import, in one measurement),
    // while names stay readable in stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    logLevel: 'warning',
  });
}

/** The SDK's ESM build as one browser-ready module, openapi-fetch included. */
export async function bundleForBrowser(entry: string, outfile: string): Promise<void> {
  await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', outfile, logLevel: 'silent' });
}

/**
 * The `loops-checkout` CLI as one ESM file for Node (outfile), its argument parser and progress bar
 * inlined, so that the SDK's own dependencies stay openapi-fetch alone; and the MCP server (`mcp`,
 * with @modelcontextprotocol/sdk inlined) in chunks/ beside it, which only `mcp` loads.
 *
 * Inlined rather than an optional dependency, as measured (2 cores, Node 20, 21 alternating runs,
 * medians with min–max; start-up of a fresh process to `--version`'s exit, or to the answer to
 * `mcp`'s first tools/list): installed from `npm pack` into an empty project, node_modules takes
 * 2.1 MB in 3 packages with it inlined (1.4 MB without any MCP server), against 30.9 MB in 101
 * packages with @modelcontextprotocol/sdk as an optional dependency (express, hono and the rest, which
 * npm installs by default); `mcp` answers tools/list in 170 ms (159–205) inlined, 285 ms (238–369)
 * loaded from node_modules. In one file, every other command would load it too: `--version` took
 * 116 ms (112–150) that way, 110 ms (100–131) with it in a chunk, and 106 ms (101–150) without it.
 */
export async function bundleCli(outfile: string): Promise<void> {
  await build({
    entryPoints: [join(root, 'src/cli/main.ts')],
    outdir: dirname(outfile),
    entryNames: basename(outfile, '.mjs'),
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // What only a dynamic import() reaches (the MCP server) goes to a chunk of its own.
    splitting: true,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    // cli-progress is CommonJS: give the bundle a require() for its own require calls.
    banner: {
      js: "import { createRequire as __loopsRequire } from 'node:module'; const require = __loopsRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
}
