/**
 * Ctrl-C, SIGTERM and failures in the middle of an export: the request or retry wait in flight is
 * aborted at once, what was written stays valid JSON, JSONL or CSV, stderr says how to resume, and
 * the resume line picks up exactly where the output stopped. A page that hangs for ten minutes, or
 * a retry wait of a minute, is what makes "at once" observable: nothing else ends these runs in time.
 */
import { beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { type Fault, fakeSessions } from '../src/testing/index.js';
import { jsonLines, parseCsv, runCli, startCli, useCli } from './support/cli.js';
import { cursorParam, limitBounds, limitParam } from './support/spec.js';

const sessions = fakeSessions(120);
const cli = useCli(sessions);
beforeEach(() => cli.fake.reset());

const pageSize = Math.min(10, limitBounds.maximum);
const cursorFlag = `--${cursorParam.replaceAll('_', '-')}`;
const hang: Fault = { type: 'slow', delayMs: 600_000 };
/** The first page answered at once, the second one as the fault says. */
const secondPage = (fault: Fault) => cli.fake.fault({ type: 'slow', delayMs: 0 }, fault);
/** Whether a request is waiting for its hanging answer: the CLI is past its start, its handlers set. */
const hanging = () => cli.fake.requests.some((request) => request.outcome === 'slow');
const ids = (list: { id: string }[]) => list.map((session) => session.id);

/** The words of the resume line on stderr, after `loops-checkout`. */
function resumeArgs(stderr: string): string[] {
  const line = /To resume: loops-checkout (.*)$/m.exec(stderr);
  if (!line) throw new Error(`no resume line in: ${stderr}`);
  return line[1]!.split(' ');
}

describe('the first SIGINT or SIGTERM', () => {
  it('aborts a page request that hangs, closes the CSV, says how to resume, exits 130; the resume line finishes the job', async () => {
    secondPage(hang);
    const args = ['sessions', 'list', '--all', '--max', '25', '--format', 'csv', `--${limitParam}`, String(pageSize)];
    const run = startCli(cli, args);
    await run.until((stdout) => hanging() && stdout.split('\r\n').length > pageSize + 1);
    run.child.kill('SIGINT');
    const { status, stdout, stderr } = await run.done;
    expect(status).toBe(130);
    expect(stdout.endsWith('\r\n')).toBe(true);
    const [header, ...rows] = parseCsv(stdout);
    const written = rows.map((row) => row[header!.indexOf('id')]);
    expect(written).toEqual(ids(sessions.slice(0, pageSize)));
    expect(stderr).toContain(`interrupted by SIGINT after ${pageSize} sessions.`);
    const resume = resumeArgs(stderr);
    expect(resume).toEqual([
      ...args.filter((arg, i) => arg !== '--max' && args[i - 1] !== '--max'),
      cursorFlag,
      written.at(-1),
      '--max',
      String(25 - pageSize),
    ]);

    cli.fake.reset(); // the hanging fault may not have been taken, if the signal came before the request
    const rest = await runCli(cli, resume);
    expect(rest.status).toBe(0);
    const [, ...more] = parseCsv(rest.stdout);
    expect([...written, ...more.map((row) => row[header!.indexOf('id')])]).toEqual(ids(sessions.slice(0, 25)));
  });

  it('aborts a retry wait (a 503 asking for 60 s), and SIGTERM exits 143 with the JSON array closed', async () => {
    secondPage({ type: 'status', status: 503, retryAfter: 60 });
    const run = startCli(cli, ['sessions', 'list', '--all', '--format', 'json', `--${limitParam}`, String(pageSize)]);
    await run.until((_, stderr) => /retry 1 of \d+ in [1-9]\d{4} ms/.test(stderr));
    run.child.kill('SIGTERM');
    const { status, stdout, stderr } = await run.done;
    expect(status).toBe(143);
    expect(ids(JSON.parse(stdout))).toEqual(ids(sessions.slice(0, pageSize)));
    expect(stderr).toContain('interrupted by SIGTERM');
    expect(resumeArgs(stderr)).toContain(sessions[pageSize - 1]!.id);
  });

  it('aborts a single page that hangs: an empty JSON array, exit 130', async () => {
    cli.fake.fault(hang);
    const run = startCli(cli, ['sessions', 'list', '--format', 'json']);
    await run.until(hanging);
    run.child.kill('SIGINT');
    const { status, stdout, stderr } = await run.done;
    expect(status).toBe(130);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(resumeArgs(stderr)).toEqual(['sessions', 'list', '--format', 'json']);
  });

  it('aborts retrieve: nothing on stdout, exit 130', async () => {
    cli.fake.fault(hang);
    const run = startCli(cli, ['sessions', 'retrieve', sessions[0]!.id]);
    await run.until(hanging);
    run.child.kill('SIGINT');
    const { status, stdout, stderr } = await run.done;
    expect(status).toBe(130);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'loops-checkout: SIGINT: stopping, and closing the output; send it again to end at once.\n' +
        'loops-checkout: interrupted by SIGINT.\n',
    );
  });
});

describe('a second signal', () => {
  it('ends the process at once and still closes the JSON array', async () => {
    secondPage(hang);
    const run = startCli(cli, ['sessions', 'list', '--all', '--format', 'json', `--${limitParam}`, String(pageSize)]);
    await run.until((stdout) => hanging() && stdout.includes(sessions[pageSize - 1]!.id));
    run.child.kill('SIGINT');
    run.child.kill('SIGINT');
    const { status, signal, stdout, stderr } = await run.done;
    // On a busy machine the first signal's way out may finish before the second arrives; one that
    // lands as the process exits ends it by SIGINT, which a shell reports as 130 too.
    expect(status ?? (signal === 'SIGINT' ? 128 + 2 : signal)).toBe(130);
    expect(ids(JSON.parse(stdout))).toEqual(ids(sessions.slice(0, pageSize)));
    expect(resumeArgs(stderr)).toContain(sessions[pageSize - 1]!.id);
  });

  it('ends the process at once even while the output waits for a reader that stopped reading', async () => {
    // Pages of the largest size, of sessions of 4 kB, overflow the pipe nobody reads: the first signal's close waits on it.
    const big = sessions.map((session) => ({ ...session, metadata: { note: 'x'.repeat(4_000) } }));
    cli.fake.setSessions(big);
    onTestFinished(() => cli.fake.setSessions(sessions));
    secondPage(hang);
    const run = startCli(cli, ['sessions', 'list', '--all', '--format', 'json']);
    run.child.stdout.pause();
    // The first page is written (what the paused pipe holds says so) and the second one hangs.
    await run.until(() => hanging() && run.child.stdout.readableLength > 0);
    run.child.kill('SIGINT');
    await run.until((_, stderr) => stderr.includes('send it again to end at once'));
    // Read again only once the process is gone: reading sooner would let the first signal's way out finish first.
    run.child.once('exit', () => run.child.stdout.resume());
    run.child.kill('SIGINT');
    const { status, stderr } = await run.done;
    expect(status).toBe(130);
    expect(stderr).not.toContain('interrupted by'); // the first signal's way out was still waiting
    expect(stderr).toMatch(/stopped after \d+ sessions\. To resume: loops-checkout sessions list --all --format json/);
  });
});

describe('a failed export', () => {
  it('closes the output, gives the error and the same resume line, exits 1; the resume line finishes the job', async () => {
    secondPage({ type: 'status', status: 500 });
    const args = ['sessions', 'list', '--all', '--max-retries', '0', `--${limitParam}`, String(pageSize)];
    const { status, stdout, stderr } = await runCli(cli, args);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^loops-checkout: 500 /m);
    expect(stderr).toContain(`stopped after ${pageSize} sessions.`);
    const written = jsonLines(stdout) as { id: string }[];
    expect(ids(written)).toEqual(ids(sessions.slice(0, pageSize)));
    const rest = await runCli(cli, resumeArgs(stderr));
    expect(rest.status).toBe(0);
    expect([...ids(written), ...ids(jsonLines(rest.stdout) as { id: string }[])]).toEqual(ids(sessions));
  });
});
