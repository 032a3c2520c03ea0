/** Per-call options: which names a call takes, and the checks they pass before anything is sent. */
import { ValidationError } from './errors.js';
import { checkHeaders } from './header-rules.js';
import type { Operation } from './operation.js';
import { checkCallSettings, optionNames } from './options.js';
import type { ListOptions } from './pagination.js';
import type { RequestOptions } from './request.js';
import { checkNames, checkPlainObject, checkRule, describeValue, satisfies } from './validation.js';

export const requestOptionNames = optionNames<RequestOptions>()(
  'timeout',
  'maxRetries',
  'maxResponseBytes',
  'signal',
  'headers',
  'query',
);
export const listOptionNames = optionNames<ListOptions>()(...requestOptionNames, 'prefetch');

/** Throws a ValidationError unless an extra query parameter can travel as given and leaves the spec's own alone. */
function checkExtraQuery(query: unknown, operation: Operation): void {
  checkPlainObject('query', query);
  for (const [name, value] of Object.entries(query as Record<string, unknown>)) {
    // The spec's parameters go in params, where its rules check them; here they would slip past the
    // check (`{ limit: 500 }`) or fight the walk's own cursor.
    if (Object.hasOwn(operation.query, name)) {
      throw new ValidationError(
        `query.${name}`,
        'a parameter the spec does not declare',
        `\`${name}\` is declared: pass it in params`,
      );
    }
    if (!satisfies({ type: 'string', minLength: 1 }, name)) {
      throw new ValidationError(
        'query',
        'parameter names that are non-empty, well-formed strings',
        describeValue(name),
      );
    }
    const text = typeof value === 'string' ? value : '';
    if (!['string', 'number', 'boolean'].includes(typeof value) || !satisfies({ type: 'string' }, text)) {
      throw new ValidationError(`query.${name}`, 'a string, number or boolean', describeValue(value));
    }
  }
}

/**
 * Throws a ValidationError unless options are a plain object of valid per-call settings for
 * operation, all of them known: a typo (`timeuot`) would otherwise be ignored in silence.
 */
export function checkRequestOptions(
  options: RequestOptions,
  operation: Operation,
  known: readonly string[] = requestOptionNames,
): void {
  checkPlainObject('options', options);
  checkNames('option', options, known);
  checkCallSettings(options);
  const { signal, headers, query, prefetch, idempotencyKey } = options as ListOptions & { idempotencyKey?: unknown };
  if (idempotencyKey !== undefined) {
    // It travels in a header: visible ASCII only, and at most 255 characters (Stripe's bound).
    const rule = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' };
    checkRule('idempotencyKey', rule, idempotencyKey, 'a string of 1 to 255 visible ASCII characters');
  }
  if (signal !== undefined && typeof (signal as Partial<AbortSignal> | null)?.addEventListener !== 'function') {
    throw new ValidationError('signal', 'an AbortSignal', describeValue(signal));
  }
  if (prefetch !== undefined && typeof prefetch !== 'boolean') {
    throw new ValidationError('prefetch', 'true or false', describeValue(prefetch));
  }
  if (headers !== undefined) checkHeaders('headers', headers);
  if (query !== undefined) checkExtraQuery(query, operation);
}
