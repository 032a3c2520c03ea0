import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listItemFields } from '../generated/operations.js';
import { bundleCli } from '../scripts/harness/bundle.js';
import { asSent, createFakeLoopsServer, type FakeLoopsServer, fakeSessions } from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { closedPortUrl, withHttpServer } from './support/http-server.js';
import { cursorParam, escapeRegExp, limitParam } from './support/spec.js';
import { transport } from './support/transport.js';

// Its own copy of the built bin, not dist/: the package suite rebuilds dist/ while this one runs.
const bin = join(mkdtempSync(join(tmpdir(), 'loops-cli-')), 'loops-checkout.mjs');
const given = fakeSessions(10_000);
// What the fake server sends: the sessions without the filter fields it keeps beside them.
const sessions = given.map(asSent);
let fake: FakeLoopsServer;

beforeAll(async () => {
  await bundleCli(bin);
  fake = await createFakeLoopsServer({ sessions: given, apiKey });
}, 120_000);
afterAll(async () => {
  await fake?.close();
  rmSync(dirname(bin), { recursive: true, force: true });
});

/** Runs the built bin with the key in its environment, as a user's shell would; stdout is a pipe. */
function cli(args: string[], env: Record<string, string | undefined> = {}) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      env: { ...process.env, LOOPS_API_KEY: apiKey, LOOPS_BASE_URL: fake.url, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/** RFC 4180 rows: quoted cells may hold commas, quotes (doubled) and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    const next = text[i + 1];
    if (quoted && char === '"' && next === '"') {
      cell += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ',') {
      row.push(cell);
      cell = '';
    } else if (!quoted && char === '\r' && next === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else {
      cell += char;
    }
  }
  return rows;
}

describe('loops-checkout sessions list', () => {
  it('exports 10 000 sessions with --all --format jsonl: every row, in order, each once', async () => {
    const { status, stdout, stderr } = await cli([
      'sessions',
      'list',
      '--all',
      '--format',
      'jsonl',
      `--${limitParam}`,
      '100',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(10_000);
    for (const [i, line] of lines.entries()) expect(JSON.parse(line)).toEqual(sessions[i]);
    expect(fake.requests.filter((r) => r.outcome === 'ok').length).toBeGreaterThanOrEqual(100);
  }, 60_000);

  it("exports them with --format csv (RFC 4180, the spec's fields as the header, nested objects as JSON, unknown fields in extra): every row checked", async () => {
    const { status, stdout } = await cli(['sessions', 'list', '--all', '--format', 'csv']);
    expect(status).toBe(0);
    const [header, ...rows] = parseCsv(stdout);
    expect(header).toEqual([...listItemFields.listCheckoutSessions, 'extra']);
    expect(rows).toHaveLength(10_000);
    rows.forEach((row, i) => {
      const session = sessions[i] as unknown as Record<string, unknown>;
      const unknown = Object.entries(session).filter(([field]) => !header!.includes(field));
      header!.forEach((field, column) => {
        const value = field === 'extra' ? (unknown.length ? Object.fromEntries(unknown) : null) : session[field];
        const expected =
          value === null || value === undefined
            ? ''
            : typeof value === 'object'
              ? JSON.stringify(value)
              : String(value);
        expect(row[column]).toBe(expected);
      });
    });
  }, 60_000);

  it('gives one page by default, as jsonl when piped; --fields picks columns, dots reach inside', async () => {
    const { status, stdout } = await cli([
      'sessions',
      'list',
      `--${limitParam}`,
      '3',
      '--fields',
      'id,total_details.amount_tax',
    ]);
    expect(status).toBe(0);
    expect(
      stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual(sessions.slice(0, 3).map((s) => ({ id: s.id, 'total_details.amount_tax': s.total_details?.amount_tax })));
  });

  it('passes the spec parameters through, the cursor by its spec name, and stops at --max', async () => {
    fake.reset();
    const { stdout } = await cli([
      'sessions',
      'list',
      '--all',
      '--max',
      '150',
      `--${cursorParam.replaceAll('_', '-')}`,
      sessions[9]!.id,
    ]);
    const ids = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line).id);
    expect(ids).toEqual(sessions.slice(10, 160).map((s) => s.id));
    expect(fake.requests[0]?.query[cursorParam]).toBe(sessions[9]!.id);
  });

  it('writes a valid JSON array with --format json', async () => {
    const { stdout } = await cli(['sessions', 'list', '--all', '--max', '5', '--format', 'json']);
    expect(JSON.parse(stdout)).toEqual(sessions.slice(0, 5));
  });
});

describe('how the bin sends', () => {
  // Node's fetch sends `sec-fetch-mode: cors` with every request; node:http sends no such header.
  it(`sends through ${transport}, the transport of this run (LOOPS_NODE_HTTP=0 is fetch)`, async () => {
    const seen: string[] = [];
    const empty = JSON.stringify({ object: 'list', data: [], has_more: false, url: '/api/v3/checkout/sessions' });
    await withHttpServer(
      (req, res) => {
        seen.push(req.headers['sec-fetch-mode'] === 'cors' ? 'fetch' : 'node:http');
        res.writeHead(200, { 'content-type': 'application/json' }).end(empty);
      },
      async ({ url }) => {
        const { status } = await cli(['sessions', 'list'], { LOOPS_BASE_URL: url });
        expect(status).toBe(0);
      },
    );
    expect(seen).toEqual([transport]);
  });
});

describe('loops-checkout sessions retrieve', () => {
  it('prints one session as JSON when piped', async () => {
    const { status, stdout } = await cli(['sessions', 'retrieve', sessions[42]!.id]);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual(sessions[42]);
  });
});

describe('exit codes and messages', () => {
  it('1 for an API error, with its message and request ID on stderr, never the key, nothing on stdout', async () => {
    const { status, stdout, stderr } = await cli(['sessions', 'retrieve', 'cs_test_gone']);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^loops-checkout: 404 No such checkout session: 'cs_test_gone'\. .*request ID: req_fake\d+/);
    expect(stderr.match(/request ID/g)).toHaveLength(1);
    expect(stderr).not.toContain(apiKey);
  });

  it('1 for a network error', async () => {
    const { status, stderr } = await cli(['sessions', 'list', '--max-retries', '0'], {
      LOOPS_BASE_URL: await closedPortUrl(),
    });
    expect(status).toBe(1);
    expect(stderr).toContain('Could not reach the API');
  });

  it.each([
    [['sessions', 'list', '--status', 'NOT-A-STATUS'], /argument 'NOT-A-STATUS' is invalid/],
    [['sessions', 'list', `--${limitParam}`, '0'], new RegExp(escapeRegExp(`Invalid \`--${limitParam}\`: got 0`))],
    [['sessions', 'list', '--bogus'], /unknown option '--bogus'/],
    [['sessions', 'retrieve'], /missing required argument 'id'/],
  ])('2 for a usage error (%j), with help', async (args, message) => {
    const { status, stdout, stderr } = await cli(args as string[]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/Usage: loops-checkout|--help/);
  });

  it('2 without LOOPS_API_KEY, saying why the key is no flag', async () => {
    const { status, stderr } = await cli(['sessions', 'list'], { LOOPS_API_KEY: '' });
    expect(status).toBe(2);
    expect(stderr).toContain('Set LOOPS_API_KEY');
  });

  it('--help for every command, exit 0', async () => {
    for (const args of [
      ['--help'],
      ['sessions', '--help'],
      ['sessions', 'list', '--help'],
      ['sessions', 'retrieve', '--help'],
    ]) {
      const { status, stdout } = await cli(args);
      expect(status, args.join(' ')).toBe(0);
      expect(stdout).toContain('Usage: loops-checkout');
    }
  });

  it('Ctrl-C stops after the row in flight; what was written stays valid CSV, with exit 130', async () => {
    fake.fault({ type: 'slow', delayMs: 0 });
    const child = spawn(
      process.execPath,
      [bin, 'sessions', 'list', '--all', '--format', 'csv', `--${limitParam}`, '10'],
      {
        env: { ...process.env, LOOPS_API_KEY: apiKey, LOOPS_BASE_URL: fake.url },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (stdout.length > 20_000 && !child.killed) child.kill('SIGINT');
    });
    const status = await new Promise((resolve) => child.on('close', resolve));
    expect(status).toBe(130);
    const [header, ...rows] = parseCsv(stdout);
    expect(stdout.endsWith('\r\n')).toBe(true);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(10_000);
    for (const [i, row] of rows.entries()) expect(row[header!.indexOf('id')]).toBe(sessions[i]!.id);
  });
});
