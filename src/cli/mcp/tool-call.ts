/**
 * One tools/call: the arguments sorted and checked, the operation called through the SDK (its checks,
 * retries, timeouts and errors), and the answer as JSON text. A failure the caller can act on (an API
 * error, a network failure after the retries, an argument the spec refuses) is a tool error
 * (`isError: true`) with the SDK's message and the request ID, not a protocol failure. The key is
 * blanked out of every text, in any form, should a server echo it into its data.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { operationMetadata } from '../../../generated/operations.js';
import type { Engine } from '../../engine.js';
import { APIError, LoopsError } from '../../errors.js';
import type { Operation } from '../../operation.js';
import { redact } from '../../secrets.js';
import { listTarget } from '../list-target.js';
import { sortArguments } from './arguments.js';
import { listItems } from './list-call.js';
import { listResultText } from './list-result.js';
import type { ToolPlan } from './tool-list.js';

const text = (body: string, isError = false): CallToolResult => ({
  content: [{ type: 'text', text: redact(body) }],
  ...(isError && { isError: true }),
});

/** An SDK error as a tool error: its class, its message (which names what to fix), its request ID. */
export function errorResult(error: LoopsError): CallToolResult {
  const id = error instanceof APIError ? error.requestId : null;
  const quoted = id === null || error.message.includes(`request ID: ${id}`);
  return text(`${error.name}: ${error.message}${quoted ? '' : ` (request ID: ${id})`}`, true);
}

async function run(engine: Engine, plan: ToolPlan, args: unknown, signal: AbortSignal): Promise<string> {
  const operation = (operationMetadata as Record<string, Operation>)[plan.operationId]!;
  const sorted = sortArguments(plan, args);
  if (!plan.entry.paginated) {
    const options = { signal, ...(sorted.idempotencyKey !== undefined && { idempotencyKey: sorted.idempotencyKey }) };
    return JSON.stringify(await engine.call(operation, sorted.call, options));
  }
  const listed = await listItems(engine, operation, sorted, signal);
  const request = {
    operation,
    target: listTarget(plan.operationId),
    query: sorted.call.query ?? {},
    fields: sorted.fields,
    max: sorted.max,
    maxName: plan.own.max!,
  };
  return listResultText(request, listed);
}

/** The result of calling plan's tool with args; signal aborts it (the client cancelled, or the server stops). */
export async function callTool(
  engine: Engine,
  plan: ToolPlan,
  args: unknown,
  signal: AbortSignal,
): Promise<CallToolResult> {
  try {
    return text(await run(engine, plan, args, signal));
  } catch (error) {
    if (error instanceof LoopsError) return errorResult(error);
    throw error;
  }
}
