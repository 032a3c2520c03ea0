/**
 * The CLI's flags, environment and messages: nothing typed on the command line is echoed where it
 * could be a secret, usage errors exit 2 naming the flag as typed, an empty variable is unset,
 * --log-level and LOOPS_LOG show retries on stderr, and nothing from the server can forge a line.
 */
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { defaultBaseUrl } from '../generated/operations.js';
import { fakeSessions } from '../src/testing/index.js';
import { runCli, useCli } from './support/cli.js';
import { apiKey } from './support/client.js';

const cli = useCli(fakeSessions(30));
beforeEach(() => cli.fake.reset());

/** What a terminal must never receive from the server. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters under test.
const control = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const secret = 'sk_live_pasted_by_mistake_9f8e7d';

describe('an unknown or misplaced flag', () => {
  it.each([
    [['sessions', 'list', `--api-key=${secret}`]],
    [[`--api-key=${secret}`, 'sessions', 'list']],
    [['sessions', `--token=${secret}`, 'list']],
    [['sessions', 'list', `--apikey=${secret}`]],
    [['sessions', 'list', `--key=${secret}`]],
    [['sessions', 'retrieve', 'cs_x', `--api_key=${secret}`]],
    [['sessions', 'list', `--access-token=${secret}`]],
  ])('never echoes its value and points to LOOPS_API_KEY (%j)', async (args) => {
    const { status, stdout, stderr } = await runCli(cli, args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).not.toContain(secret);
    expect(stderr).toMatch(/unknown option '--[\w-]+': the API key is never a flag .*set LOOPS_API_KEY/);
    expect(cli.fake.requests).toHaveLength(0);
  });

  it.each([
    [['sessions', 'list', `-k${secret}`], "unknown option '-k'"],
    [['sessions', 'list', `--all=${secret}`], "unknown option '--all'"],
    [['sessions', 'list', `--bogus=${secret}`], "unknown option '--bogus'"],
  ])('never echoes a value glued to it (%j)', async (args, message) => {
    const { status, stderr } = await runCli(cli, args);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
    expect(stderr).not.toContain(secret);
  });

  it('of another command says where it belongs', async () => {
    const { status, stderr } = await runCli(cli, ['--all', 'sessions', 'list']);
    expect(status).toBe(2);
    expect(stderr).toContain("unknown option '--all' here: it is an option of 'sessions list'");
  });
});

describe('the base URL', () => {
  it.each([
    [['--base-url', 'http://api.evil.test'], {}, '--base-url'],
    [[], { LOOPS_BASE_URL: 'http://api.evil.test' }, 'LOOPS_BASE_URL'],
  ])('refused (%j %j) is a usage error, exit 2, naming where it came from', async (args, env, source) => {
    const { status, stdout, stderr } = await runCli(cli, ['sessions', 'list', ...args], env);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`loops-checkout: ${source}: refusing http://api.evil.test`);
    expect(stderr).not.toContain('baseUrl');
    expect(stderr).toMatch(/Usage: loops-checkout sessions list/);
  });

  it('never shows a password it carries', async () => {
    const { status, stderr } = await runCli(cli, ['sessions', 'list', '--base-url', 'https://me:hunter2@api.test']);
    expect(status).toBe(2);
    expect(stderr).not.toContain('hunter2');
  });

  it('LOOPS_BASE_URL set but empty means unset: the default API, as in the SDK', async () => {
    // A fetch that reports where it would go: nothing may reach the production API from a test.
    const reporter = ['--import', fileURLToPath(new URL('./support/fetch-reporter.mjs', import.meta.url))];
    const { status, stderr } = await runCli(
      cli,
      ['sessions', 'list', '--max-retries', '0'],
      { LOOPS_BASE_URL: '' },
      reporter,
    );
    expect(stderr).toContain(`fetch-reporter: ${defaultBaseUrl}/`);
    expect(status).toBe(1);
  });
});

describe('logging', () => {
  const retrying = () => cli.fake.fault({ type: 'status', status: 503, retryAfterMs: 1 });

  it.each([
    ['by default', [], {}],
    ['with LOOPS_LOG set but empty', [], { LOOPS_LOG: '' }],
    ['with --log-level warn', ['--log-level', 'warn'], { LOOPS_LOG: 'off' }],
  ])('shows each retry and its wait on stderr %s', async (_, args, env) => {
    retrying();
    const { status, stderr } = await runCli(cli, ['sessions', 'list', ...args], env);
    expect(status).toBe(0);
    expect(stderr).toMatch(/^\[loops\] GET \/checkout\/sessions.*: retry 1 of 2 in \d+ ms, after 503/m);
  });

  it.each([
    ['--log-level debug', ['--log-level', 'debug'], {}],
    ['LOOPS_LOG=debug', [], { LOOPS_LOG: 'debug' }],
  ])('%s shows every attempt, and never the key, even one put in the query', async (_, args, env) => {
    retrying();
    const { stderr } = await runCli(cli, ['sessions', 'list', '-q', `echo=${apiKey}`, ...args], env);
    expect(stderr).toMatch(/→ 503 in \d+ ms/);
    expect(stderr).toMatch(/→ 400 in \d+ ms/);
    expect(stderr).not.toContain(apiKey);
  });

  it('--log-level off is silent', async () => {
    retrying();
    const { status, stderr } = await runCli(cli, ['sessions', 'list', '--log-level', 'off'], { LOOPS_LOG: 'debug' });
    expect(status).toBe(0);
    expect(stderr).toBe('');
  });

  it.each([
    [['--log-level', 'loud'], {}, "argument 'loud' is invalid"],
    [[], { LOOPS_LOG: 'loud' }, "LOOPS_LOG must be one of off, error, warn, info, debug; got 'loud'"],
  ])('a level that is none of the five is a usage error (%j %j)', async (args, env, message) => {
    const { status, stderr } = await runCli(cli, ['sessions', 'list', ...args], env);
    expect(status).toBe(2);
    expect(stderr).toContain(message);
  });
});

describe('what the server says', () => {
  const forged = 'Bad thing\r\n[loops] GET /checkout/sessions → 200 in 1 ms\x1b]0;pwned\x07\x1b[2J\u202e';
  const hostileError = (status: number) => ({
    type: 'status' as const,
    status,
    retryAfterMs: 1,
    body: { error: { type: 'api_error', message: forged } },
  });

  it('cannot forge a line or send control characters to the terminal, in an error or a log line', async () => {
    cli.fake.fault(hostileError(503), hostileError(400));
    const { status, stderr } = await runCli(cli, ['sessions', 'list']);
    expect(status).toBe(1);
    expect(stderr).not.toMatch(control);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2); // the retry warning, then the error
    expect(lines[0]).toMatch(/^\[loops\] .*retry 1 of 2/);
    expect(lines[1]).toMatch(
      /^loops-checkout: 400 Bad thing\\x0d\\x0a\[loops\] GET .*\\x1b\]0;pwned\\x07\\x1b\[2J\\u202e/,
    );
  });
});

describe('what the command line holds', () => {
  it('is escaped too when a usage error quotes it', async () => {
    const { status, stderr } = await runCli(cli, [
      'sessions',
      'list',
      '--status',
      'X\x1b]0;pwned\x07\r\nerror: forged',
    ]);
    expect(status).toBe(2);
    expect(stderr).not.toMatch(control);
    expect(stderr).toContain("argument 'X\\x1b]0;pwned\\x07\\x0d\\x0aerror: forged' is invalid");
  });
});

describe('usage errors name the flag as typed', () => {
  it.each([
    [['--timeout', '0'], '`--timeout`'],
    [['--max-retries', '11'], '`--max-retries`'],
  ])('%j', async (args, flag) => {
    const { status, stderr } = await runCli(cli, ['sessions', 'list', ...args]);
    expect(status).toBe(2);
    expect(stderr).toContain(`Invalid ${flag}`);
  });

  it('a key the SDK refuses is a usage error too, and is not quoted', async () => {
    const key = 'sk_test_has a space_4eC39HqLyjW';
    const { status, stderr } = await runCli(cli, ['sessions', 'list'], { LOOPS_API_KEY: key });
    expect(status).toBe(2);
    expect(stderr).not.toContain(key);
    expect(stderr).not.toContain('has a space');
  });
});
