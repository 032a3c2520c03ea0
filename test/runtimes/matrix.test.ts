import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleForBrowser } from '../../scripts/harness/bundle.js';
import { type Consumer, createConsumer, runAsync } from '../../scripts/harness/consumer.js';
import { root } from '../../scripts/harness/paths.js';
import { serveDirectory } from '../../scripts/harness/static-server.js';
import { createFakeLoopsServer, type FakeLoopsServer } from '../../src/testing/index.js';
import { closedPortUrl } from '../support/http-server.js';
import { expectSmoke, lastLine, smokeSessions } from '../support/smoke.js';

const apiKey = 'sk_test_runtimes';
let consumer: Consumer;
let fake: FakeLoopsServer;
let closedUrl: string;

beforeAll(async () => {
  consumer = createConsumer();
  copyFileSync(join(root, 'test/runtimes/smoke.mjs'), join(consumer.dir, 'smoke.mjs'));
  fake = await createFakeLoopsServer({ sessions: smokeSessions, apiKey, cors: true });
  closedUrl = await closedPortUrl();
});

afterAll(async () => {
  consumer?.remove();
  await fake?.close();
});

// The page runs the smoke test as a module script and leaves its result on window.smokeResult.
const browserPage = `<!doctype html>
<title>Loops SDK smoke test</title>
<link rel="icon" href="data:,">
<script type="module">
  import * as sdk from './loops.js';
  import { smoke } from './smoke.mjs';
  const params = new URLSearchParams(location.search);
  const baseUrl = params.get('baseUrl');
  const apiKey = params.get('apiKey');
  const closedUrl = params.get('closedUrl');
  let refused = '';
  try {
    new sdk.Loops({ apiKey, baseUrl });
  } catch (error) {
    refused = error.name;
  }
  smoke(sdk, { baseUrl, apiKey, closedUrl, dangerouslyAllowBrowser: true }).then(
    (result) => (window.smokeResult = { refused, ...result }),
    (error) => (window.smokeResult = { error: String(error) }),
  );
</script>
`;

// Each runtime runs the same smoke script on the package as npm installed it from `npm pack`, at a
// pinned version (checked against what actually ran), so that a new release cannot change the matrix
// unnoticed. Raise a pin on purpose, in its own commit.
const runtimes: [string, string, string[], string][] = [
  ['Node 20', process.execPath, [], `node ${process.versions.node}`],
  ['Node 22', 'npx', ['-y', 'node@22.23.3'], 'node 22.23.3'],
  ['Node 24', 'npx', ['-y', 'node@24.9.0'], 'node 24.9.0'],
  ['Bun', 'npx', ['-y', 'bun@1.4.5'], 'bun 1.4.5'],
  // Deno gets no --allow-env: the SDK must not need it when given its key.
  ['Deno', 'npx', ['-y', 'deno@2.9.6', 'run', '--no-prompt', '--allow-net=127.0.0.1', '--allow-read'], 'deno 2.9.6'],
];

/**
 * Runs the smoke script with NODE_DEBUG=http, which makes node:http log each connection it opens to
 * stderr: whether a run sent through node:http shows there (Node's fetch logs nothing under it).
 */
function smokeWithHttpLog(command: string, args: string[], env: Record<string, string> = {}) {
  // A pinned Node runs as its own binary: npx, itself a Node process, would log its own requests too.
  const node =
    command === 'npx' ? execFileSync('npx', [...args, '-p', 'process.execPath'], { encoding: 'utf8' }).trim() : command;
  return new Promise<{ stdout: string; viaNodeHttp: boolean }>((resolve, reject) => {
    execFile(
      node,
      ['smoke.mjs', fake.url, apiKey, closedUrl],
      { cwd: consumer.dir, timeout: 240_000, encoding: 'utf8', env: { ...process.env, NODE_DEBUG: 'http', ...env } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`${command} failed (${error.message}):\n${stdout}${stderr}`));
        else resolve({ stdout, viaNodeHttp: /^HTTP \d+: createConnection /m.test(stderr) });
      },
    );
  });
}

describe('the SDK lists, paginates and catches AuthenticationError', () => {
  it.each(runtimes)('on %s', async (name, command, args, runtime) => {
    if (name.startsWith('Node')) {
      // Node sends through node:http (the package's build for Node); the others through fetch.
      const { stdout, viaNodeHttp } = await smokeWithHttpLog(command, args);
      expectSmoke(lastLine(stdout), fake, { runtime });
      expect(viaNodeHttp).toBe(true);
    } else {
      const output = await runAsync(
        command,
        [...args, 'smoke.mjs', fake.url, apiKey, closedUrl],
        consumer.dir,
        240_000,
      );
      expectSmoke(lastLine(output), fake, { runtime });
    }
  });

  // The same on Node's fetch, as LOOPS_NODE_HTTP=0 has it (or a fetch of yours, a proxy's dispatcher…).
  it.each(runtimes.filter(([name]) => name.startsWith('Node')))(
    'on %s through fetch (LOOPS_NODE_HTTP=0)',
    async (_name, command, args, runtime) => {
      const { stdout, viaNodeHttp } = await smokeWithHttpLog(command, args, { LOOPS_NODE_HTTP: '0' });
      expectSmoke(lastLine(stdout), fake, { runtime });
      expect(viaNodeHttp).toBe(false);
    },
  );

  it('in headless Chromium, from the bundled ESM build, against a CORS-enabled fake server', async () => {
    const site = join(consumer.dir, 'site');
    mkdirSync(site, { recursive: true });
    await bundleForBrowser(
      join(consumer.dir, 'node_modules/@loops-fi/checkout/dist/esm/src/index.js'),
      join(site, 'loops.js'),
    );
    copyFileSync(join(root, 'test/runtimes/smoke.mjs'), join(site, 'smoke.mjs'));
    writeFileSync(join(site, 'index.html'), browserPage);
    const server = await serveDirectory(site);
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      // Chromium logs every failed response; the 401 of the wrong key and the refused connection are the test's own.
      page.on('console', (message) => {
        const text = message.text();
        const asked = text.includes('status of 401') || text.includes('ERR_CONNECTION_REFUSED');
        if (message.type() === 'error' && !asked) errors.push(text);
      });
      await page.goto(`${server.url}/?${new URLSearchParams({ baseUrl: fake.url, apiKey, closedUrl })}`);
      const result = await page.waitForFunction(() => (window as { smokeResult?: unknown }).smokeResult, undefined, {
        timeout: 30_000,
      });
      expectSmoke(await result.jsonValue(), fake, { refused: 'LoopsError', runtime: 'browser' });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
