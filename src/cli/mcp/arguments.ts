/**
 * A tool call's arguments, sorted into what the SDK sends (path parameters, the query, the body) and
 * the tool's own (`fields`, `max`, `idempotency_key`). An argument the tool does not take, or an own
 * argument out of its rules, is a ValidationError like the SDK's, naming it: the spec's parameters and
 * body are the SDK's to check, by the spec's rules, before anything is sent.
 */
import { schemaRules } from '../../../generated/operations.js';
import type { CallArgs } from '../../engine.js';
import { ValidationError } from '../../errors.js';
import { findProblem, type Schema, type Schemas } from '../../schema-check.js';
import { checkNames, checkPlainObject } from '../../validation.js';
import type { ToolPlan } from './tool-list.js';

export interface ToolArguments {
  /** What the SDK sends. */
  call: CallArgs;
  fields?: string[];
  max?: number;
  idempotencyKey?: string;
}

/** Throws a ValidationError unless value satisfies the tool's schema for its own argument name. */
function checkOwn(plan: ToolPlan, name: string, value: unknown): void {
  const schema = plan.tool.inputSchema.properties![name] as Schema;
  const problem = findProblem(schema, value, schemaRules as Schemas, name);
  if (problem) throw new ValidationError(problem.path || name, problem.allowed, problem.found);
}

export function sortArguments(plan: ToolPlan, args: unknown = {}): ToolArguments {
  checkPlainObject('arguments', args);
  const given = args as Record<string, unknown>;
  checkNames('argument', given, Object.keys(plan.tool.inputSchema.properties ?? {}));
  const { entry, own } = plan;
  const of = (place: string) =>
    Object.fromEntries(
      entry.parameters.filter((p) => p.in === place && given[p.name] !== undefined).map((p) => [p.name, given[p.name]]),
    );
  const call: CallArgs = {
    ...(entry.parameters.some((p) => p.in === 'path') && { path: of('path') }),
    ...(entry.parameters.some((p) => p.in === 'query') && { query: of('query') }),
    ...(own.body && { body: given[own.body] }),
  };
  const sorted: ToolArguments = { call };
  for (const [key, name] of [
    ['fields', own.fields],
    ['max', own.max],
    ['idempotencyKey', own.idempotencyKey],
  ] as const) {
    if (name === undefined || given[name] === undefined) continue;
    checkOwn(plan, name, given[name]);
    Object.assign(sorted, { [key]: given[name] });
  }
  return sorted;
}
