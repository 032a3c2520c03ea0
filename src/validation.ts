import { cursorParam, limitBounds, statusValues } from '../generated/constants.js';
import { ValidationError } from './errors.js';
import type { ListParams } from './types.js';

const known = new Set<string>(['status', 'limit', cursorParam]);

/** Checks list parameters against the spec's rules, so that a mistake costs no request. */
export function validateListParams(params: ListParams): void {
  for (const name of Object.keys(params)) {
    if (!known.has(name)) throw new ValidationError(name, `one of ${[...known].join(', ')}`, name, 'not a parameter of this endpoint');
  }
  const { limit, status } = params;
  const cursor = (params as Record<string, unknown>)[cursorParam];
  if (
    limit !== undefined &&
    !(Number.isInteger(limit) && limit >= limitBounds.minimum && limit <= limitBounds.maximum)
  ) {
    throw new ValidationError('limit', `an integer from ${limitBounds.minimum} to ${limitBounds.maximum}`, limit);
  }
  if (status !== undefined && !(statusValues as readonly unknown[]).includes(status)) {
    throw new ValidationError('status', `one of ${statusValues.join(', ')}`, status);
  }
  if (cursor !== undefined && !(typeof cursor === 'string' && cursor.length > 0)) {
    throw new ValidationError(cursorParam, 'the `id` of a checkout session, a non-empty string', cursor);
  }
}
