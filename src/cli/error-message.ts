/**
 * What the CLI says about an error: an API error's message with its request ID, once; an SDK
 * ValidationError with the flag as typed (`--limit`, not `limit`). Escaped where it is written.
 */
import { operationMetadata } from '../../generated/operations.js';
import { APIError, type LoopsError, ValidationError } from '../index.js';
import type { Operation } from '../operation.js';
import { flagOf } from './flags.js';

// The query parameters of every operation: each is a flag of its command.
const queryNames = new Set(
  Object.values(operationMetadata as Record<string, Operation>).flatMap((o) => Object.keys(o.query)),
);

/** The flag or variable a user typed for an SDK parameter or option. */
function flagFor(param: string): string {
  if (queryNames.has(param)) return flagOf(param);
  if (param.startsWith('query.')) return `-q ${param.slice('query.'.length)}=…`;
  const flags: Record<string, string> = {
    timeout: '--timeout',
    maxRetries: '--max-retries',
    logLevel: '--log-level',
    idempotencyKey: '--idempotency-key',
  };
  return Object.hasOwn(flags, param) ? flags[param]! : param;
}

export function describeError(error: LoopsError): string {
  if (error instanceof ValidationError) {
    return error.message.replace(`\`${error.param}\``, `\`${flagFor(error.param)}\``);
  }
  // An APIError's message names its request ID already; say it once, and always.
  const id = error instanceof APIError && error.requestId ? error.requestId : undefined;
  const quoted = id === undefined || error.message.includes(`request ID: ${id}`);
  return `${error.message}${quoted ? '' : ` (request ID: ${id})`}`;
}
