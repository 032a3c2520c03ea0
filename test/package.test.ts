import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalog } from '../generated/catalog.js';
import { bundleSize, sizeGuardBytes, sizeGuardNodeBytes } from '../scripts/harness/bundle.js';
import { type Consumer, createConsumer, run, runAsync } from '../scripts/harness/consumer.js';
import { root } from '../scripts/harness/paths.js';
import { createScratchCopy } from '../scripts/harness/scratch.js';
import { createFakeLoopsServer, type FakeLoopsServer } from '../src/testing/index.js';
import { closedPortUrl } from './support/http-server.js';
import { expectSmoke, lastLine, smokeSessions } from './support/smoke.js';
import { invalidStatus, statusValues } from './support/spec.js';

const apiKey = 'sk_test_consumer';
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
let consumer: Consumer;
let fake: FakeLoopsServer;
let closedUrl: string;

beforeAll(async () => {
  consumer = createConsumer();
  fake = await createFakeLoopsServer({ sessions: smokeSessions, apiKey });
  closedUrl = await closedPortUrl();
}, 300_000);

afterAll(async () => {
  consumer?.remove();
  await fake?.close();
});

/** What `npm pack` would publish from dir, as paths (its stdout is JSON; prepack's build talks on stderr). */
function packed(dir: string): string[] {
  const stdout = execFileSync('npm', ['pack', '--dry-run', '--json'], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return (JSON.parse(stdout) as [{ files: { path: string }[] }])[0].files.map((file) => file.path);
}

describe('what npm publishes', () => {
  it('from a fresh clone, prepack builds first, so the tarball carries dist/ and the license, and scratch/ files run on it', () => {
    const clone = createScratchCopy('loops-clone-');
    try {
      const files = packed(clone.dir);
      expect(files).toContain('dist/esm/src/index.js');
      expect(files).toContain('dist/esm/src/index.node.js');
      expect(files).toContain('dist/cjs/src/index.js');
      expect(files).toContain('dist/esm/src/index.d.ts');
      expect(files).toContain('dist/cli/loops-checkout.mjs');
      expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json']));
      // As README says: once built, a plain .mjs file in scratch/ imports the package by its own name.
      mkdirSync(join(clone.dir, 'scratch'));
      const tryIt = "import { Loops, VERSION } from '@loops-fi/checkout';\nconsole.log(VERSION, typeof Loops);\n";
      writeFileSync(join(clone.dir, 'scratch', 'try.mjs'), tryIt);
      const printed = execFileSync(process.execPath, ['scratch/try.mjs'], { cwd: clone.dir, encoding: 'utf8' });
      expect(printed).toBe(`${pkg.version} function\n`);
    } finally {
      clone.remove();
    }
  }, 120_000);

  it('ships each entry (. for Node and for the rest, ./testing; ESM and CommonJS) as one bundled file that imports nothing of its own', () => {
    const scripts = packed(root).filter((file) => /^dist\/(esm|cjs)\/.*\.js$/.test(file));
    expect(scripts.sort()).toEqual([
      'dist/cjs/src/index.js',
      'dist/cjs/src/index.node.js',
      'dist/cjs/src/testing/index.js',
      'dist/esm/src/index.js',
      'dist/esm/src/index.node.js',
      'dist/esm/src/testing/index.js',
    ]);
    // A fresh process reads one file: no relative import, and openapi-fetch inlined.
    for (const file of scripts) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toMatch(/(from\s*|require\()["']\.{1,2}\//);
      expect(text, file).not.toMatch(/(from\s*|require\()["']openapi-fetch["']/);
    }
  }, 120_000);

  it('ships no tests, no spec sources, no scripts, and no path of the machine that built it', () => {
    const files = packed(root);
    const outside = files.filter(
      (file) =>
        !/^dist\/(esm|cjs|cli)\//.test(file) &&
        !['LICENSE', 'README.md', 'CHANGELOG.md', 'package.json'].includes(file),
    );
    expect(outside).toEqual([]);
    expect(
      files.filter((file) => /(^|\/)(test|spec|scripts)\//.test(file.replace(/^dist\/(esm|cjs|cli)\//, ''))),
    ).toEqual([]);
    for (const file of files) {
      const text = readFileSync(join(root, file), 'utf8');
      expect(text, file).not.toContain(root);
      expect(text, file).not.toContain(tmpdir());
    }
  }, 120_000);

  it('declares where it comes from: license file, repository, homepage, bugs, engines, provenance', () => {
    expect(readFileSync(join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/);
    expect(pkg.license).toBe('MIT');
    expect(pkg.repository).toEqual({ type: 'git', url: expect.stringMatching(/^git\+https:\/\//) });
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect((pkg.bugs as { url: string }).url).toMatch(/^https:\/\//);
    expect(pkg.engines).toEqual({ node: '>=20' });
    expect(pkg.publishConfig).toEqual({ access: 'public', provenance: true });
  });
});

describe('the published package', () => {
  it('declares ESM and CommonJS entries with types for . and ./testing, no side effects, one runtime dependency', () => {
    expect(pkg.sideEffects).toBe(false);
    expect(Object.keys(pkg.dependencies as object)).toEqual(['openapi-fetch']);
    const exports = pkg.exports as Record<string, Record<string, { types: string; default: string }>>;
    for (const entry of ['.', './testing']) {
      expect(exports[entry]?.import?.types).toMatch(/^\.\/dist\/esm\/.+\.d\.ts$/);
      expect(exports[entry]?.require?.default).toMatch(/^\.\/dist\/cjs\/.+\.js$/);
    }
    // Node (and what resolves as Node) gets the build with the node:http transport; browsers and edge runtimes the other.
    const forNode = exports['.']!.node as unknown as Record<string, { types: string; default: string }>;
    expect(forNode.import).toEqual({ ...exports['.']!.import, default: './dist/esm/src/index.node.js' });
    expect(forNode.require).toEqual({ ...exports['.']!.require, default: './dist/cjs/src/index.node.js' });
  });

  it('passes publint', () => {
    expect(run('npx', ['publint', '--strict'])).toMatch(/All good/);
  });

  it('passes Are the Types Wrong in every resolution mode', () => {
    expect(run('npx', ['attw', '--pack', '.'])).toMatch(/No problems found/);
  }, 120_000);

  it('is imported with ESM import by a consumer and works against the fake server', async () => {
    copyFileSync(join(root, 'test/runtimes/smoke.mjs'), join(consumer.dir, 'smoke.mjs'));
    const output = await runAsync(process.execPath, ['smoke.mjs', fake.url, apiKey, closedUrl], consumer.dir);
    expectSmoke(lastLine(output), fake, { runtime: `node ${process.versions.node}` });
  });

  it('runs `loops-checkout mcp` from its bin with the MCP SDK inlined: the official client lists its tools, and nothing of the MCP SDK is installed', async () => {
    const installed = readdirSync(join(consumer.dir, 'node_modules'));
    expect(installed).not.toContain('@modelcontextprotocol');
    expect(installed).not.toContain('express');
    const client = new Client({ name: 'package-test', version: '1.0.0' });
    const bin = join(consumer.dir, 'node_modules/.bin/loops-checkout');
    const env = { LOOPS_API_KEY: apiKey, LOOPS_BASE_URL: fake.url };
    await client.connect(
      new StdioClientTransport({ command: process.execPath, args: [bin, 'mcp'], env, stderr: 'ignore' }),
    );
    try {
      const { tools } = await client.listTools();
      const readers = Object.values(catalog).filter((entry) => !entry.writes);
      expect(tools).toHaveLength(readers.length);
    } finally {
      await client.close();
    }
  });

  it('is loaded with CommonJS require, ./testing included, and works against the fake server', async () => {
    copyFileSync(join(root, 'test/runtimes/smoke.mjs'), join(consumer.dir, 'smoke.mjs'));
    writeFileSync(
      join(consumer.dir, 'smoke.cjs'),
      `const sdk = require('@loops-fi/checkout');
const testing = require('@loops-fi/checkout/testing');
if (typeof testing.createFakeLoopsServer !== 'function') throw new Error('no createFakeLoopsServer in ./testing');
if (!require.resolve('@loops-fi/checkout').endsWith('/dist/cjs/src/index.node.js')) throw new Error('require did not load the CommonJS build for Node');
import('./smoke.mjs')
  .then(({ smoke }) => smoke(sdk, { baseUrl: process.argv[2], apiKey: process.argv[3], closedUrl: process.argv[4] }))
  .then((result) => console.log(JSON.stringify(result)));
`,
    );
    const output = await runAsync(process.execPath, ['smoke.cjs', fake.url, apiKey, closedUrl], consumer.dir);
    expectSmoke(lastLine(output), fake, { runtime: `node ${process.versions.node}` });
  });

  it.each([
    ['bundler', { module: 'ESNext', moduleResolution: 'Bundler' }],
    ['node16', { module: 'Node16', moduleResolution: 'Node16' }],
  ])(
    'type-checks a typed call under moduleResolution %s',
    (name, resolution) => {
      writeFileSync(
        join(consumer.dir, 'typed.ts'),
        `import { Loops, AuthenticationError, type CheckoutSession } from '@loops-fi/checkout';
import { createFakeLoopsServer } from '@loops-fi/checkout/testing';

export async function latestEmails(loops: Loops): Promise<(string | null)[]> {
  const page = await loops.checkout.sessions.list({ status: '${statusValues[1]}', limit: 10 });
  const session: CheckoutSession | undefined = page.data[0];
  const customer: string | null | undefined = session?.customer;
  void customer;
  // @ts-expect-error '${invalidStatus}' is not a status of the spec
  void loops.checkout.sessions.list({ status: '${invalidStatus}' });
  return page.data.map((s) => s.customer_email);
}
export const isAuth = (error: unknown) => error instanceof AuthenticationError && error.status === 401;
export const start = createFakeLoopsServer;
`,
      );
      const config = {
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2022', 'DOM'],
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          types: [],
          ...resolution,
        },
        files: ['typed.ts'],
      };
      writeFileSync(join(consumer.dir, `tsconfig.${name}.json`), JSON.stringify(config));
      run(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', `tsconfig.${name}.json`], {
        cwd: consumer.dir,
      });
    },
    60_000,
  );

  it(`bundles to at most ${sizeGuardBytes} B min+gzip with openapi-fetch, and to ${sizeGuardNodeBytes} B for Node`, async () => {
    const size = await bundleSize(join(root, 'dist/esm/src/index.js'));
    expect(size.gzipped).toBeLessThanOrEqual(sizeGuardBytes);
    const forNode = await bundleSize(join(root, 'dist/esm/src/index.node.js'));
    expect(forNode.gzipped).toBeLessThanOrEqual(sizeGuardNodeBytes);
  });

  it('keeps node:http out of the build for every runtime but Node: no getBuiltinModule in it', () => {
    for (const format of ['esm', 'cjs']) {
      expect(readFileSync(join(root, `dist/${format}/src/index.js`), 'utf8')).not.toContain('getBuiltinModule');
      expect(readFileSync(join(root, `dist/${format}/src/index.node.js`), 'utf8')).toContain('getBuiltinModule');
    }
  });
});
