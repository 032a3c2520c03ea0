import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeLoopsServer, type FakeLoopsServer, fakeSessions } from '../src/testing/index.js';
import { apiKey } from './support/client.js';
import { respect } from './support/respect.js';

// The workflow's steps, in order: what respect must have run, each with its checks.
const workflow = 'arazzo/checkout-sessions.arazzo.yaml';
const steps = ['firstPage', 'nextPage', 'retrieveOne', 'unknownSession'];

let server: FakeLoopsServer;
beforeAll(async () => {
  server = await createFakeLoopsServer({ apiKey, sessions: fakeSessions(20) });
});
afterAll(() => server?.close());

describe("Redocly respect runs the Arazzo workflow against the fake server, at respect's default severity", () => {
  it('list, the next page by the cursor, retrieve one, a 404: every check passes, none warns', async () => {
    const run = await respect(workflow, { loops: server.url }, { apiKey });
    expect(run.code, run.output).toBe(0);
    expect([...new Set(run.checks.map((check) => check.step))]).toEqual(steps);
    for (const step of steps) {
      expect(run.checks.filter((check) => check.step === step).map((check) => check.name)).toEqual(
        expect.arrayContaining(['status code check', 'content-type check', 'schema check']),
      );
    }
    expect(run.checks.filter((check) => !check.passed || check.status !== 'success')).toEqual([]);
    expect(run.output).toMatch(/Workflows: 1 passed, 1 total/);
    // The summary table's row for the file: name, workflows, passed, failed, warnings.
    const row = run.output.split('\n').find((line) => line.includes(workflow.split('/').pop()!) && line.includes('│'));
    expect(
      row
        ?.split('│')
        .map((cell) => cell.trim())
        .slice(1, 6),
    ).toEqual([`✓ ${workflow.split('/').pop()}`, '1', '1', '-', '-']);
    expect(run.output).not.toMatch(/⚠|warning:/i);
  }, 60_000);

  it('fails when the server sends a field the spec does not declare', async () => {
    server.setSessions(fakeSessions(20).map((session) => ({ ...session, loyalty_tier: 'gold' })));
    try {
      const run = await respect(workflow, { loops: server.url }, { apiKey });
      expect(run.code).toBe(1);
      const failed = run.checks.filter((check) => !check.passed);
      expect(failed.map((check) => check.name)).toContain('schema check');
      expect(failed.map((check) => check.message).join('\n')).toMatch(/loyalty_tier/);
    } finally {
      server.setSessions(fakeSessions(20));
    }
  }, 60_000);
});
