import { cursorParam, limitBounds, statusValues } from '../generated/constants.js';
import { ValidationError } from './errors.js';
import type { ListParams } from './types.js';

const known = ['status', 'limit', cursorParam];

const got = (value: unknown) => `got ${typeof value === 'string' ? JSON.stringify(value) : String(value)}`;

/** Throws a ValidationError unless value is an integer from min to max. */
export function checkInteger(param: string, value: unknown, min: number, max: number, hint = ''): void {
  if (!(Number.isInteger(value) && (value as number) >= min && (value as number) <= max)) {
    throw new ValidationError(param, `an integer from ${min} to ${max}${hint}`, got(value));
  }
}

/** Checks list parameters against the spec's rules, so that a mistake costs no request. */
export function validateListParams(params: ListParams): void {
  for (const name in params) {
    if (!known.includes(name)) throw new ValidationError(name, `one of ${known.join(', ')}`, 'unknown parameter');
  }
  const { limit, status, [cursorParam]: cursor } = params as Record<string, unknown>;
  if (limit !== undefined) checkInteger('limit', limit, limitBounds.minimum, limitBounds.maximum);
  if (status !== undefined && !(statusValues as readonly unknown[]).includes(status)) {
    throw new ValidationError('status', `one of ${statusValues.join(', ')}`, got(status));
  }
  if (cursor !== undefined && !(typeof cursor === 'string' && cursor)) {
    throw new ValidationError(cursorParam, 'a session id', got(cursor));
  }
}
