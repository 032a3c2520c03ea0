/**
 * The CLI has a command for every operation of the spec, from generated/catalog.ts: its path
 * parameters as arguments, its query parameters as flags, its JSON body from --data.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../generated/catalog.js';
import { fakeSessions } from '../src/testing/index.js';
import { bodyExamples } from './support/bodies.js';
import { runCli, startCli, useCli } from './support/cli.js';

const cli = useCli(fakeSessions(20));
const create = catalog.createCheckoutSession;
const example = Object.values(bodyExamples(create.method.toLowerCase(), create.path))[0];
const posts = () => cli.fake.requests.filter((request) => request.method === create.method);

describe('a command for every operation of the spec', () => {
  it.each(Object.values(catalog).map((entry) => [entry.command.join(' '), entry] as const))(
    '%s --help names it and its flags',
    async (command, entry) => {
      const { status, stdout } = await runCli(cli, [...entry.command, '--help']);
      expect(status).toBe(0);
      expect(stdout).toContain(`Usage: loops-checkout ${command}`);
      expect(stdout).toContain(entry.summary);
      for (const parameter of entry.parameters.filter((p) => p.in === 'query')) {
        expect(stdout).toContain(`--${parameter.name.replaceAll('_', '-')}`);
      }
      if ('body' in entry) expect(stdout).toContain('--data');
    },
  );
});

describe(`${create.command.join(' ')}: a new session from a JSON body`, () => {
  it('given on the command line: the new session as JSON, first in the list afterwards', async () => {
    const { status, stdout, stderr } = await runCli(cli, [...create.command, '--data', JSON.stringify(example)]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const session = JSON.parse(stdout);
    expect(session).toMatchObject({
      object: 'checkout.session',
      success_url: (example as { success_url: string }).success_url,
    });
    const listed = await runCli(cli, ['sessions', 'list', '--limit', '1']);
    expect(JSON.parse(listed.stdout).id).toBe(session.id);
  });

  it('from a file (@body.json) and from stdin (@-)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loops-body-'));
    try {
      writeFileSync(join(dir, 'body.json'), JSON.stringify(example));
      expect((await runCli(cli, [...create.command, '--data', `@${join(dir, 'body.json')}`])).status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const piped = startCli(cli, [...create.command, '--data', '@-']);
    piped.child.stdin.end(JSON.stringify(example));
    const { status, stdout } = await piped.done;
    expect(status).toBe(0);
    expect(JSON.parse(stdout).object).toBe('checkout.session');
  });

  it.each([
    ['no --data', [], /required option '--data/],
    ['--data that is not JSON', ['--data', '{mode:'], /--data.*not JSON/],
    ['--data from a file that is not there', ['--data', '@/nowhere/body.json'], /cannot read \/nowhere\/body\.json/],
    [
      'a body the spec refuses',
      ['--data', JSON.stringify({ ...(example as object), mode: 'gift' })],
      /Invalid `mode`: got "gift"; expected one of/,
    ],
  ])('%s: a usage error (exit 2), nothing sent', async (_, args, message) => {
    cli.fake.reset();
    const { status, stdout, stderr } = await runCli(cli, [...create.command, ...(args as string[])]);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(posts()).toEqual([]);
  });

  it('a 500 is not retried (the session may exist): exit 1 after one request, saying so', async () => {
    cli.fake.reset();
    cli.fake.fault({ type: 'status', status: 500 });
    const { status, stderr } = await runCli(cli, [
      ...create.command,
      '--data',
      JSON.stringify(example),
      '--max-retries',
      '3',
    ]);
    expect(status).toBe(1);
    expect(posts()).toHaveLength(1);
    expect(stderr).toMatch(/not retried after 500 .*: it may have been processed/);
  });
});
