/**
 * How the CLI's flags read their values: numbers, the spec's list parameters, `--fields` and
 * `-q name=value`. A bad value is a usage error (exit 2) that names the flag as typed.
 */
import { InvalidArgumentError, Option } from 'commander';
import { operationMetadata } from '../../generated/operations.js';
import type { ParamRule } from '../operation.js';
import { describeRule } from '../validation.js';
import { parseFields } from './fields.js';
import { UsageError } from './usage-error.js';

/** The list's query parameters, named and typed by the spec. */
export const listQuery = operationMetadata.listCheckoutSessions.query as Readonly<Record<string, ParamRule>>;

/** `starting_after` as a flag: `--starting-after`. */
export const flagOf = (name: string) => `--${name.replaceAll('_', '-')}`;

/** `starting_after` as commander's key of its value: `startingAfter`. */
export const keyOf = (name: string) => name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());

export function integer(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new InvalidArgumentError('not an integer.');
  return Number(text);
}

/** `--max`: 1 or more; 0 and negative numbers would mean "everything" or nothing, never what was meant. */
export function positiveInteger(text: string): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) {
    throw new InvalidArgumentError('must be a positive integer (1 or more).');
  }
  return value;
}

/** `--fields a,b.c`: the spec's fields only (a usage error names the valid ones). */
export function fieldList(text: string): string[] {
  try {
    return parseFields(text);
  } catch (error) {
    if (error instanceof UsageError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}

/** `-q name=value`, repeatable: a query parameter the CLI has no flag for, sent as given. */
export function queryPair(text: string, previous: Record<string, string> = {}): Record<string, string> {
  const at = text.indexOf('=');
  const name = at < 0 ? '' : text.slice(0, at);
  if (!name) throw new InvalidArgumentError('expected name=value.');
  if (Object.hasOwn(listQuery, name)) throw new InvalidArgumentError(`use ${flagOf(name)} for ${name}.`);
  if (Object.hasOwn(previous, name)) throw new InvalidArgumentError(`${name} is given twice.`);
  return Object.assign(Object.create(null), previous, { [name]: text.slice(at + 1) });
}

/** An option for each query parameter of the list, named and typed by the spec (`--starting-after`). */
export function paramOption(name: string, rule: ParamRule): Option {
  const option = new Option(
    `${flagOf(name)} <${rule.type === 'integer' ? 'n' : 'value'}>`,
    `${name}: ${describeRule(rule)}`,
  );
  if (rule.enum) option.choices(rule.enum.map(String));
  if (rule.type === 'integer') option.argParser(integer);
  return option;
}
