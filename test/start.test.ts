import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { serveDocs } from '../scripts/docs/serve.js';
import { root } from '../scripts/harness/paths.js';
import { freePort } from '../scripts/harness/processes.js';
import { Loops } from '../src/index.js';
import { withHttpServer } from './support/http-server.js';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs `npm start` with its ports set, collecting what it prints. */
function npmStart(mockPort: number, docsPort: number, fakePort = 0) {
  const child = spawn('npm', ['start'], {
    cwd: root,
    env: {
      ...process.env,
      LOOPS_MOCK_PORT: String(mockPort),
      LOOPS_DOCS_PORT: String(docsPort),
      LOOPS_FAKE_PORT: String(fakePort),
      NO_COLOR: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const printed = async (text: string) => {
    const deadline = Date.now() + 60_000;
    while (!output.includes(text)) {
      if (Date.now() > deadline || child.exitCode !== null)
        throw new Error(`npm start never printed "${text}":\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  return { child, exited, printed, output: () => output };
}

const answers = (port: number) =>
  fetch(`http://127.0.0.1:${port}/`, { signal: AbortSignal.timeout(2_000) }).then(
    () => true,
    () => false,
  );

describe('npm start', () => {
  it('serves the mock, the fake server and the reference on the ports the environment names, and SIGTERM to npm stops all three', async () => {
    const [mockPort, docsPort, fakePort] = [await freePort(), await freePort(), await freePort()];
    const start = npmStart(mockPort, docsPort, fakePort);
    await start.printed('Press Ctrl-C to stop.');
    expect(start.output()).toContain(`Prism mock:    http://127.0.0.1:${mockPort}`);
    expect(start.output()).toContain(`Fake server:   http://127.0.0.1:${fakePort}`);
    expect(start.output()).toContain(`API reference: http://127.0.0.1:${docsPort}`);
    expect(await answers(mockPort)).toBe(true);
    expect(await answers(docsPort)).toBe(true);
    // The fake server pages: every session of a walk, each once, where Prism repeats one example page.
    const loops = new Loops({ apiKey: 'sk_test_anything_will_do', baseUrl: `http://127.0.0.1:${fakePort}` });
    const ids = (await loops.checkout.sessions.list().autoPagingToArray({ limit: 10_000 })).map((s) => s.id);
    expect(ids.length).toBeGreaterThan(100);
    expect(new Set(ids).size).toBe(ids.length);
    start.child.kill('SIGTERM');
    await start.exited;
    const deadline = Date.now() + 10_000;
    while ((await answers(mockPort)) || (await answers(docsPort)) || (await answers(fakePort))) {
      expect(Date.now(), 'Prism, the fake server or the reference server outlived npm').toBeLessThan(deadline);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }, 90_000);

  it('says which port is busy and how to pick another, instead of talking to a stranger', async () => {
    await withHttpServer(
      (_req, res) => res.end('{"stranger":true}'),
      async ({ url }) => {
        const busy = Number(new URL(url).port);
        const start = npmStart(busy, 0);
        expect(await start.exited).not.toBe(0);
        expect(start.output()).toContain(`Port ${busy} on 127.0.0.1 is already in use by another program`);
        expect(start.output()).toContain(`LOOPS_MOCK_PORT=${busy + 1}`);
      },
    );
  }, 90_000);
});

describe('docs:serve', () => {
  it("rebuilds after an editor's atomic save (write a copy, rename it over the file), again and again", async () => {
    const file = join(root, 'spec/components/examples/EmptyPage.yaml');
    const content = readFileSync(file, 'utf8');
    const atomicSave = () => {
      writeFileSync(`${file}.tmp`, content);
      renameSync(`${file}.tmp`, file);
    };
    const server = await serveDocs(0, { watch: true });
    try {
      for (let save = 1; save <= 2; save++) {
        const rebuilt = server.rebuilt();
        atomicSave();
        expect(await rebuilt, `rebuild after save ${save}`).toBeUndefined();
      }
      expect(await answers(Number(new URL(server.url).port))).toBe(true);
    } finally {
      await server.close();
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
  }, 120_000);
});
