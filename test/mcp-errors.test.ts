/**
 * What goes wrong comes back as a tool error (`isError`) with the SDK's own message and the request
 * ID, not as a protocol failure; retries are the SDK's; the key comes from LOOPS_API_KEY alone and
 * shows nowhere, even when a server echoes it; stdout carries the protocol and nothing else.
 */
import { describe, expect, it, vi } from 'vitest';
import { asSent, fakeSessions } from '../src/testing/index.js';
import { runCli, startCli } from './support/cli.js';
import { apiKey, testClient } from './support/client.js';
import { textOf, toolOf, useMcp } from './support/mcp.js';
import { rejection } from './support/rejection.js';
import { cursorField, limitBounds, limitParam } from './support/spec.js';

// The newest session's reference echoes the key, as a careless or hostile server might.
const [echo, ...rest] = fakeSessions(30);
const sessions = [{ ...echo!, client_reference_id: `ref ${apiKey}` }, ...rest];
const mcp = useMcp(sessions);
const list = toolOf('listCheckoutSessions');
const retrieve = toolOf('retrieveCheckoutSession');
const sdk = () => testClient({ baseUrl: mcp.cli.fake.url });
const anyRequestId = (text: string) => text.replace(/req_\w+/g, 'req_…');

describe('answers and errors', () => {
  it('retrieves one session by its id, as the API sent it', async () => {
    const session = await mcp.connect();
    const result = await session.call(retrieve, { id: rest[3]!.id });
    expect(JSON.parse(textOf(result))).toEqual(asSent(rest[3]!));
  });

  it("a 404 is a tool error with the SDK's message and the request ID", async () => {
    const session = await mcp.connect();
    const result = await session.call(retrieve, { id: 'cs_test_missing' });
    const expected = await rejection(sdk().checkout.sessions.retrieve('cs_test_missing'));
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/request ID: req_\w+/);
    expect(anyRequestId(textOf(result))).toBe(anyRequestId(`NotFoundError: ${(expected as Error).message}`));
  });

  it("a value the spec refuses is a tool error with the SDK's ValidationError, and nothing is sent", async () => {
    mcp.cli.fake.reset();
    const session = await mcp.connect();
    const tooMany = limitBounds.maximum + 1;
    const result = await session.call(list, { [limitParam]: tooMany });
    const expected = await rejection(sdk().checkout.sessions.list({ [limitParam]: tooMany }));
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe(`ValidationError: ${(expected as Error).message}`);
    const misspelt = await session.call(list, { feilds: ['id'] });
    expect(textOf(misspelt)).toMatch(
      /^ValidationError: Invalid `feilds`: unknown argument \(did you mean `fields`\?\)/,
    );
    expect(mcp.cli.fake.requests).toEqual([]);
  });

  it('survives a 429 that the SDK retries, saying so on stderr; past --max-retries it is a RateLimitError', async () => {
    mcp.cli.fake.reset();
    const session = await mcp.connect();
    mcp.cli.fake.fault({ type: 'status', status: 429, retryAfterMs: 1 });
    const result = await session.call(list, { [limitParam]: 3, fields: [cursorField] });
    expect(JSON.parse(textOf(result)).items).toEqual(sessions.slice(0, 3).map((s) => ({ [cursorField]: s.id })));
    expect(mcp.cli.fake.requests).toHaveLength(2);
    // stderr is a pipe of its own: its line may come after the result.
    await vi.waitFor(() => expect(session.stderr()).toMatch(/429/));

    const impatient = await mcp.connect(['--max-retries', '0']);
    mcp.cli.fake.fault({ type: 'status', status: 429 });
    const refused = await impatient.call(list, {});
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/^RateLimitError: .*request ID: req_\w+/);
  });

  it('blanks out the key a server echoes in its data', async () => {
    const session = await mcp.connect();
    const { items } = JSON.parse(textOf(await session.call(list, { [limitParam]: 1 })));
    expect(items[0].client_reference_id).toBe(`ref ${apiKey.slice(0, 8)}…`);
    const one = JSON.parse(textOf(await session.call(retrieve, { id: echo!.id })));
    expect(one.client_reference_id).toBe(`ref ${apiKey.slice(0, 8)}…`);
  });
});

const request = (id: number, method: string, params: object) => ({ jsonrpc: '2.0', id, method, params });

/** What a client sends first: initialize, then the initialized notification. */
function handshake(stdin: NodeJS.WritableStream): void {
  const initialize = { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '0' } };
  stdin.write(`${JSON.stringify(request(1, 'initialize', initialize))}\n`);
  stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
}

describe('the process', () => {
  it('without LOOPS_API_KEY, exits 2 before speaking the protocol, saying how to set it', async () => {
    const { status, stdout, stderr } = await runCli(mcp.cli, ['mcp'], { LOOPS_API_KEY: undefined });
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Set LOOPS_API_KEY');
  });

  it('writes only protocol messages on stdout, even with every log line on, and ends when stdin closes', async () => {
    const running = startCli(mcp.cli, ['mcp', '--log-level', 'debug']);
    handshake(running.child.stdin);
    running.child.stdin.write(`${JSON.stringify(request(2, 'tools/call', { name: list, arguments: {} }))}\n`);
    await running.until((stdout) => stdout.includes('"id":2'));
    running.child.stdin.end();
    const { status, stdout, stderr } = await running.done;
    expect(status).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines.map((line) => JSON.parse(line).jsonrpc)).toEqual(['2.0', '2.0']);
    expect(stderr).toMatch(/GET \/checkout\/sessions/);
    expect(`${stdout}${stderr}`).not.toContain(apiKey);
  });

  it('ends at once when stdin closes, a call in flight or not, and with 143 on SIGTERM', async () => {
    mcp.cli.fake.reset();
    for (const stop of ['stdin', 'SIGTERM'] as const) {
      mcp.cli.fake.fault({ type: 'slow', delayMs: 600_000 });
      const running = startCli(mcp.cli, ['mcp']);
      handshake(running.child.stdin);
      running.child.stdin.write(`${JSON.stringify(request(2, 'tools/call', { name: list, arguments: {} }))}\n`);
      await vi.waitFor(() => expect(mcp.cli.fake.requests.length).toBeGreaterThan(0), { timeout: 10_000 });
      if (stop === 'stdin') running.child.stdin.end();
      else running.child.kill('SIGTERM');
      expect((await running.done).status).toBe(stop === 'stdin' ? 0 : 143);
      mcp.cli.fake.reset();
    }
  });

  it('never shows the API key, in any result or on stderr', () => {
    expect(mcp.transcript()).toContain('NotFoundError');
    expect(mcp.transcript()).not.toContain(apiKey);
  });
});
