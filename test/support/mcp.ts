/**
 * The built `loops-checkout mcp` as an MCP client meets it: the official SDK's Client over
 * StdioClientTransport, which starts the bin as a child process with the key in its environment,
 * against a fake Loops server the test file owns. Every result and all of stderr are kept, for
 * checks that the key never shows; every client is closed (and so its child ended) after each test.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { afterEach } from 'vitest';
import type { FakeSession } from '../../src/testing/index.js';
import { type CliSetup, useCli } from './cli.js';

export interface McpSession {
  client: Client;
  /** Calls a tool; resolves to its result, a tool error included (a protocol error rejects). */
  call(name: string, args?: Record<string, unknown>): Promise<CallToolResult>;
  /** What the server wrote on stderr so far. */
  stderr(): string;
  close(): Promise<void>;
}

export interface McpSetup {
  cli: CliSetup;
  /** Starts `loops-checkout mcp …args` and connects to it. */
  connect(args?: string[], env?: Record<string, string>): Promise<McpSession>;
  /** Every tool result's text and every server's stderr in this file so far. */
  transcript(): string;
}

/** The tool of an operation, as README says tools are named: its operationId in snake case. */
export const toolOf = (operationId: string) => operationId.replace(/([a-z\d])([A-Z])/g, '$1_$2').toLowerCase();

/** A tool result's one text. */
export const textOf = (result: CallToolResult): string => {
  const [content] = result.content as [{ type: string; text: string }];
  return content.text;
};

export function useMcp(sessions: FakeSession[]): McpSetup {
  const cli = useCli(sessions);
  const open = new Set<McpSession>();
  const seen: string[] = [];
  afterEach(async () => {
    for (const session of open) await session.close();
  });
  const connect = async (args: string[] = [], env: Record<string, string> = {}): Promise<McpSession> => {
    const { LOOPS_API_KEY, LOOPS_BASE_URL } = cli.env() as Record<string, string>;
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [cli.bin, 'mcp', ...args],
      env: { LOOPS_API_KEY, LOOPS_BASE_URL, ...env } as Record<string, string>,
      stderr: 'pipe',
    });
    let stderr = '';
    transport.stderr!.on('data', (chunk) => {
      stderr += chunk;
      seen.push(String(chunk));
    });
    const client = new Client({ name: 'loops-checkout-tests', version: '1.0.0' });
    const session: McpSession = {
      client,
      async call(name, args = {}) {
        const result = (await client.callTool({ name, arguments: args })) as CallToolResult;
        seen.push(textOf(result));
        return result;
      },
      stderr: () => stderr,
      async close() {
        open.delete(session);
        await client.close();
      },
    };
    open.add(session);
    await client.connect(transport);
    return session;
  };
  return { cli, connect, transcript: () => seen.join('\n') };
}
