/**
 * How the CLI's flags read their values: numbers, the spec's parameters, `--fields`, `-q name=value`
 * and `--data`. A bad value is a usage error (exit 2) that names the flag as typed.
 */
import { readFileSync } from 'node:fs';
import { InvalidArgumentError, Option } from 'commander';
import type { Operation, ParamRule } from '../operation.js';
import { describeRule } from '../validation.js';
import { parseFields } from './fields.js';
import type { ListTarget } from './list-target.js';
import { UsageError } from './usage-error.js';

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

/** `--fields a,b.c`: the list's fields only (a usage error names the valid ones). */
export const fieldListOf =
  (target: ListTarget) =>
  (text: string): string[] => {
    try {
      return parseFields(target, text);
    } catch (error) {
      if (error instanceof UsageError) throw new InvalidArgumentError(error.message);
      throw error;
    }
  };

/** `-q name=value`, repeatable: a query parameter of the operation's that has no flag, sent as given. */
export const queryPairOf =
  (operation: Operation) =>
  (text: string, previous: Record<string, string> = {}): Record<string, string> => {
    const at = text.indexOf('=');
    const name = at < 0 ? '' : text.slice(0, at);
    if (!name) throw new InvalidArgumentError('expected name=value.');
    if (Object.hasOwn(operation.query, name)) throw new InvalidArgumentError(`use ${flagOf(name)} for ${name}.`);
    if (Object.hasOwn(previous, name)) throw new InvalidArgumentError(`${name} is given twice.`);
    return Object.assign(Object.create(null), previous, { [name]: text.slice(at + 1) });
  };

/**
 * `--data`: the JSON body, given as is (`'{"mode":"payment"}'`), or read from a file (`@body.json`)
 * or from stdin (`@-`). Checked against the spec by the SDK before anything is sent.
 */
export function jsonData(text: string): unknown {
  let json = text;
  if (text.startsWith('@')) {
    const file = text.slice(1);
    try {
      json = readFileSync(file === '-' ? 0 : file, 'utf8');
    } catch (error) {
      throw new InvalidArgumentError(`cannot read ${file === '-' ? 'stdin' : file}: ${(error as Error).message}.`);
    }
  }
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new InvalidArgumentError(
      `not JSON (${(error as Error).message}); give a JSON object, @file.json or @- for stdin.`,
    );
  }
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
