/**
 * The JSON body of a request to the fake server: read up to a bound, parsed, and checked against
 * the operation's body schema by the SDK's own checker, with the API's 400 when it breaks a rule.
 */
import type { IncomingMessage } from 'node:http';
import { schemaRules } from '../../generated/operations.js';
import type { Operation } from '../operation.js';
import { findProblem, type Schemas } from '../schema-check.js';
import { errorBody, type Refusal } from './routes.js';

/** The largest body the fake server reads: 1 MiB, far above any checkout session's (a few kB). */
export const maxBodyBytes = 1024 * 1024;

/** The request's body as text, or undefined when it is larger than maxBodyBytes (the rest is not read). */
export function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        req.removeAllListeners('data');
        req.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

const invalid = (outcome: string, message: string, extra: Record<string, string> = {}): Refusal => ({
  status: 400,
  outcome,
  body: errorBody('invalid_request_error', message, extra),
});

/** The parsed body an operation takes, or the 400 it gets instead: not JSON, missing, or against the schema. */
export function checkedBody(
  operation: Operation,
  text: string | undefined,
  type: string | undefined,
): Refusal | { body: unknown } {
  const rule = operation.body!;
  if (text === undefined) return invalid('body-too-large', `Request body larger than ${maxBodyBytes} bytes.`);
  if (!text) {
    const message = 'Missing request body: send the JSON object the spec describes.';
    return rule.required ? invalid('missing-body', message) : { body: undefined };
  }
  if (!/^application\/json\b/i.test(type ?? '')) {
    return invalid('bad-content-type', `Unsupported Content-Type ${type ?? '(none)'}: send application/json.`);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return invalid('bad-json', 'Invalid JSON in the request body.');
  }
  const problem = findProblem(rule.schema, body, schemaRules as Schemas);
  if (!problem) return { body };
  const param = problem.path || 'body';
  const code = problem.found.startsWith('missing')
    ? 'parameter_missing'
    : problem.found.startsWith('unknown')
      ? 'parameter_unknown'
      : 'parameter_invalid';
  return invalid(`invalid-${param}`, `Invalid ${param}: ${problem.found}; must be ${problem.allowed}.`, {
    code,
    param,
  });
}
