import { ValidationError } from './errors.js';
import type { Operation, ParamRule } from './operation.js';
import { didYouMean } from './suggest.js';

/** "got …" for a message: short, and never a whole object, which may hold anything. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (value && typeof value === 'object') return `got ${Array.isArray(value) ? 'an array' : 'an object'}`;
  return `got ${typeof value === 'function' ? 'a function' : String(value)}`;
}

/** Throws a ValidationError unless value satisfies rule; allowed says in words what it accepts. */
export function checkRule(param: string, rule: ParamRule, value: unknown, allowed = describeRule(rule)): void {
  if (!satisfies(rule, value)) throw new ValidationError(param, allowed, describeValue(value));
}

/** Throws a ValidationError unless value is an integer from min to max. */
export function checkInteger(param: string, value: unknown, min: number, max: number, hint = ''): void {
  const rule = { type: 'integer', minimum: min, maximum: max };
  checkRule(param, rule, value, describeRule(rule) + hint);
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
export function describeRule(rule: ParamRule): string {
  if (rule.enum) return `one of ${rule.enum.join(', ')}`;
  const noun = rule.type === 'integer' ? 'an integer' : rule.type === 'number' ? 'a number' : `a ${rule.type}`;
  if (rule.minimum !== undefined && rule.maximum !== undefined)
    return `${noun} from ${rule.minimum} to ${rule.maximum}`;
  if (rule.minimum !== undefined) return `${noun} of at least ${rule.minimum}`;
  if (rule.maximum !== undefined) return `${noun} of at most ${rule.maximum}`;
  if (rule.pattern !== undefined) return `${noun} matching /${rule.pattern}/`;
  return rule.type === 'string' && rule.minLength ? 'a non-empty string' : noun;
}

const loneSurrogate = /\p{Cs}/u;

/** Whether value satisfies rule: the JSON Schema keywords the spec uses for parameters. */
export function satisfies(rule: ParamRule, value: unknown): boolean {
  const { type } = rule;
  const typed =
    type === 'integer' ? Number.isInteger(value) : type === 'number' ? Number.isFinite(value) : typeof value === type;
  if (!typed) return false;
  if (rule.enum && !rule.enum.includes(value)) return false;
  const number = value as number;
  if ((rule.minimum !== undefined && number < rule.minimum) || (rule.maximum !== undefined && number > rule.maximum))
    return false;
  const text = value as string;
  // A lone surrogate cannot be percent-encoded: no URL, header or JSON body carries it intact.
  if (type === 'string' && loneSurrogate.test(text)) return false;
  if (rule.minLength !== undefined && text.length < rule.minLength) return false;
  if (rule.maxLength !== undefined && text.length > rule.maxLength) return false;
  return rule.pattern === undefined || new RegExp(rule.pattern, 'u').test(text);
}

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
