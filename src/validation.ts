import { ValidationError } from './errors.js';
import type { Operation, ParamRule } from './operation.js';
import { describeSchema, describeValue, findProblem } from './schema-check.js';
import { didYouMean } from './suggest.js';

export { describeValue };

/**
 * Throws a ValidationError unless value satisfies rule; allowed says in words what it accepts (by
 * default the rule's own words, written only for the error: every call checks its parameters).
 */
export function checkRule(param: string, rule: ParamRule, value: unknown, allowed?: string): void {
  if (!satisfies(rule, value)) throw new ValidationError(param, allowed ?? describeRule(rule), describeValue(value));
}

/** Throws a ValidationError unless value is an integer from min to max. */
export function checkInteger(param: string, value: unknown, min: number, max: number, hint = ''): void {
  const rule = { type: 'integer', minimum: min, maximum: max };
  if (!satisfies(rule, value)) throw new ValidationError(param, describeRule(rule) + hint, describeValue(value));
}

/**
 * Throws a ValidationError naming the first own property of value that known lacks, with the known
 * name it most likely meant: a typo (`baseURL` for `baseUrl`) would otherwise be ignored in silence.
 */
export function checkNames(what: string, value: object, known: readonly string[]): void {
  for (const name of Object.keys(value)) {
    if (!known.includes(name)) {
      throw new ValidationError(name, `one of ${known.join(', ')}`, `unknown ${what}${didYouMean(name, known)}`);
    }
  }
}

/** Throws a ValidationError unless value is a plain object (a literal such as `{ limit: 10 }`). */
export function checkPlainObject(param: string, value: unknown): void {
  const prototype = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (!(prototype === Object.prototype || prototype === null)) {
    throw new ValidationError(param, 'a plain object such as { limit: 10 }', describeValue(value));
  }
}

/** What a rule accepts, in words: "one of A, B", "an integer from 1 to 100", "a non-empty string". */
export const describeRule = (rule: ParamRule): string => describeSchema(rule);

/** Whether value satisfies rule: the JSON Schema keywords the spec uses for parameters. */
export const satisfies = (rule: ParamRule, value: unknown): boolean => !findProblem(rule, value);

const loneSurrogate = /\p{Cs}/u;

/**
 * Throws a ValidationError unless each value can travel as one path segment: `.` and `..` would be
 * resolved away by the URL (`/checkout/sessions/..` is `/checkout/`), and a lone surrogate cannot be
 * percent-encoded.
 */
export function checkPathSegments(params: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(params)) {
    if (value === '.' || value === '..' || loneSurrogate.test(String(value))) {
      throw new ValidationError(
        name,
        'a value that fits in a URL path (not "." or "..", no lone surrogate)',
        describeValue(value),
      );
    }
  }
}

/**
 * Checks params against the rules of one place (query or path) of an operation: exactly what the
 * spec declares is accepted, so that a mistake costs no request and a regenerate is all a new
 * parameter, value or bound needs.
 */
export function checkParams(rules: Operation['query'], params: Record<string, unknown>, what = 'params'): void {
  checkPlainObject(what, params);
  checkNames('parameter', params, Object.keys(rules));
  for (const [name, rule] of Object.entries(rules)) {
    const value = params[name];
    if (value !== undefined) checkRule(name, rule, value);
    else if (rule.required) throw new ValidationError(name, describeRule(rule), 'missing, and the spec requires it');
  }
}
