/**
 * Which operation of the spec a request is for, and its parameters read and checked by the spec's
 * own rules (generated/operations.ts): a parameter the spec allows is never refused, one it forbids
 * always is, in the spec's error format.
 */
import { operationMetadata } from '../../generated/operations.js';
import type { ErrorBody } from '../../generated/sdk/types.js';
import type { Operation, ParamRule } from '../operation.js';
import { describeRule, satisfies } from '../validation.js';

export interface Route {
  /** The operationId, such as `listCheckoutSessions`. */
  id: string;
  operation: Operation;
  path: Record<string, string>;
  query: Record<string, unknown>;
  /** The JSON body, parsed and checked, for an operation that takes one. */
  body?: unknown;
}

/** A request no operation takes as it is: what to answer. */
export interface Refusal {
  status: number;
  outcome: string;
  body: ErrorBody;
  headers?: Record<string, string>;
}

export function errorBody(
  type: ErrorBody['error']['type'],
  message: string,
  extra: Partial<ErrorBody['error']> = {},
): ErrorBody {
  return { error: { type, message, ...extra } };
}

const invalid = (outcome: string, message: string, extra: Partial<ErrorBody['error']>): Refusal => ({
  status: 400,
  outcome,
  body: errorBody('invalid_request_error', message, extra),
});

type Template = { id: string; operation: Operation; names: string[]; source: string };

const templates: Template[] = Object.entries(operationMetadata as Record<string, Operation>).map(([id, operation]) => {
  const names: string[] = [];
  const source = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { id, operation, names, source };
});

/** A query string's value as the rule's type: "10" is the integer 10, "true" the boolean true. */
function fromQuery(rule: ParamRule, text: string): unknown {
  if ((rule.type === 'integer' && /^-?\d+$/.test(text)) || (rule.type === 'number' && /^-?\d+(\.\d+)?$/.test(text))) {
    return Number(text);
  }
  if (rule.type === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

function code(rule: ParamRule): string {
  if (rule.enum) return 'parameter_invalid_enum';
  return rule.type === 'integer' ? 'parameter_invalid_integer' : 'parameter_invalid';
}

/** Checks each value against its rule; the first that fails is the refusal. */
function check(rules: Operation['query'], values: Record<string, unknown>): Refusal | undefined {
  for (const [name, rule] of Object.entries(rules)) {
    const value = values[name];
    if (value === undefined && rule.required) {
      return invalid('missing-parameter', `Missing required param: ${name}.`, {
        code: 'parameter_missing',
        param: name,
      });
    }
    if (value !== undefined && !satisfies(rule, value)) {
      return invalid(`invalid-${name}`, `Invalid ${name}: must be ${describeRule(rule)}.`, {
        code: code(rule),
        param: name,
      });
    }
  }
  return undefined;
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Finds the operation a request is for: made once per server, its patterns compiled once. */
export type Router = (method: string, pathname: string, search: URLSearchParams) => Route | Refusal;

/** A router for the spec's operations below basePath. */
export function createRouter(basePath: string): Router {
  const prefix = literal(basePath);
  const compiled = templates.map((template) => ({ ...template, pattern: new RegExp(`^${prefix}${template.source}$`) }));
  return (method, pathname, search) => route(compiled, method, pathname, search);
}

/** The operation that method and pathname name, with checked parameters, or why not. */
function route(
  compiled: (Template & { pattern: RegExp })[],
  method: string,
  pathname: string,
  search: URLSearchParams,
): Route | Refusal {
  const matches = compiled.filter((t) => t.pattern.test(pathname));
  if (matches.length === 0) {
    return {
      status: 404,
      outcome: 'not-found',
      body: errorBody('invalid_request_error', `Unrecognized request URL (${method}: ${pathname}).`),
    };
  }
  const template = matches.find((t) => t.operation.method === method);
  if (!template) {
    const allow = matches.map((t) => t.operation.method).join(', ');
    const message = `${method} is not allowed on ${pathname}: use ${allow}.`;
    return {
      status: 405,
      outcome: 'method-not-allowed',
      body: errorBody('invalid_request_error', message),
      headers: { allow },
    };
  }
  const { id, operation, names, pattern } = template;
  const captured = pattern.exec(pathname)!.slice(1);
  const path: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    try {
      path[name] = decodeURIComponent(captured[i]!);
    } catch {
      return invalid(`invalid-${name}`, `Invalid ${name}: not valid percent-encoding.`, {
        code: 'parameter_invalid',
        param: name,
      });
    }
  }
  const query: Record<string, unknown> = {};
  for (const [name, text] of search) {
    const rule = Object.hasOwn(operation.query, name) ? operation.query[name] : undefined;
    if (!rule) {
      return invalid('unknown-parameter', `Received unknown parameter: ${name}.`, {
        code: 'parameter_unknown',
        param: name,
      });
    }
    query[name] = fromQuery(rule, text);
  }
  return check(operation.pathParams, path) ?? check(operation.query, query) ?? { id, operation, path, query };
}
