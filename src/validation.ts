import { cursorParam, limitBounds, statusValues } from '../generated/constants.js';
import { ValidationError } from './errors.js';
import type { ListParams } from './types.js';

const known = ['status', 'limit', cursorParam];

/** "got …" for a message: short, and never a whole object, which may hold anything. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return `got ${value && typeof value === 'object' ? (Array.isArray(value) ? 'an array' : 'an object') : typeof value === 'function' ? 'a function' : String(value)}`;
}

/** Throws a ValidationError unless value is an integer from min to max. */
export function checkInteger(param: string, value: unknown, min: number, max: number, hint = ''): void {
  if (!(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)) {
    throw new ValidationError(param, `an integer from ${min} to ${max}${hint}`, describeValue(value));
  }
}

/** Throws a ValidationError unless value is a plain object (a literal such as `{ limit: 10 }`). */
export function checkPlainObject(param: string, value: unknown): void {
  const prototype = value !== null && typeof value === 'object' ? Object.getPrototypeOf(value) : undefined;
  if (!(prototype === Object.prototype || prototype === null)) {
    throw new ValidationError(param, 'a plain object such as { limit: 10 }', describeValue(value));
  }
}

/** Checks list parameters against the spec's rules, so that a mistake costs no request. */
export function validateListParams(params: ListParams): void {
  checkPlainObject('params', params);
  for (const name in params) {
    if (!known.includes(name)) throw new ValidationError(name, `one of ${known.join(', ')}`, 'unknown parameter');
  }
  const { limit, status, [cursorParam]: cursor } = params as Record<string, unknown>;
  if (limit !== undefined) checkInteger('limit', limit, limitBounds.minimum, limitBounds.maximum);
  if (status !== undefined && !(statusValues as readonly unknown[]).includes(status)) {
    throw new ValidationError('status', `one of ${statusValues.join(', ')}`, describeValue(status));
  }
  if (cursor !== undefined && !(typeof cursor === 'string' && cursor)) {
    throw new ValidationError(cursorParam, 'a session id', describeValue(cursor));
  }
}
