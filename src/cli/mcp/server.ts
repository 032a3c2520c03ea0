/**
 * `loops-checkout mcp`: an MCP server on stdin and stdout, with a tool for each operation of the spec
 * (tool-list.ts), called through the SDK. stdout carries the protocol alone: messages and the SDK's
 * log lines go to stderr, escaped and free of the key. It ends when the client closes stdin, or on
 * SIGINT or SIGTERM, aborting the calls in flight.
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { engineOf } from '../../client-core.js';
import { VERSION } from '../../identity.js';
import { redact } from '../../secrets.js';
import { type ClientFlags, client } from '../client.js';
import type { Interrupt } from '../signals.js';
import { say } from '../stderr.js';
import { resultChars } from './bounds.js';
import { callTool } from './tool-call.js';
import { buildTools } from './tool-list.js';

export interface McpFlags extends ClientFlags {
  allowWrites?: boolean;
}

/**
 * A JSON-RPC error with code. Not the SDK's McpError, whose message starts "MCP error -32602: ",
 * which the client's McpError then says a second time.
 */
const protocolError = (code: ErrorCode, message: string) => Object.assign(new Error(message), { code });

const instructions = (allowWrites: boolean) =>
  'The Loops checkout sessions API. A list tool returns one page, or with `max` up to that many items; ' +
  '`has_more` and `next_page` say whether more follow and how to ask for them, and a result never passes ' +
  `${resultChars} characters: one cut to fit says so. ` +
  (allowWrites ? 'Tools that change data are offered.' : 'Read-only: tools that change data are not offered.');

/** Serves until stdin ends or a signal comes; resolves to the exit code. */
export async function serve(flags: McpFlags, interrupt: Interrupt): Promise<number> {
  // Before any protocol: a missing key or a refused --base-url is a usage error (exit 2).
  const engine = engineOf(client(flags));
  const allowWrites = flags.allowWrites === true;
  const plans = buildTools({ allowWrites });
  const withheld = buildTools({ allowWrites: true }).filter((plan) => plan.entry.writes && !allowWrites);
  const byName = new Map(plans.map((plan) => [plan.tool.name, plan]));
  const server = new Server(
    { name: 'loops-checkout', version: VERSION },
    { capabilities: { tools: {} }, instructions: instructions(allowWrites) },
  );
  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: plans.map((plan) => plan.tool) }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const { name, arguments: args } = request.params;
    const plan = byName.get(name);
    if (!plan) {
      const write = withheld.some((w) => w.tool.name === name);
      const why = write ? 'it changes data, and this server was started without --allow-writes' : 'no such tool';
      throw protocolError(ErrorCode.InvalidParams, `Unknown tool ${JSON.stringify(name)}: ${why}.`);
    }
    try {
      return await callTool(engine, plan, args, AbortSignal.any([extra.signal, interrupt.signal]));
    } catch (error) {
      // A bug, not the caller's doing: a protocol error, its message still free of the key.
      say(redact(`${name}: ${(error as Error).stack ?? error}`));
      throw protocolError(ErrorCode.InternalError, redact(`${name} failed: ${(error as Error).message}`));
    }
  });
  const ended = new Promise<void>((resolve) => {
    process.stdin.once('end', resolve);
    process.stdin.once('close', resolve);
    interrupt.signal.addEventListener('abort', () => resolve());
  });
  await server.connect(new StdioServerTransport());
  const mode = allowWrites
    ? 'writes allowed'
    : `read-only${withheld.length ? `: --allow-writes adds ${withheld.map((w) => w.tool.name).join(', ')}` : ''}`;
  say(`MCP server on stdio, ${plans.length} tools (${mode}).`);
  await ended;
  await server.close();
  return interrupt.exitCode ?? 0;
}
