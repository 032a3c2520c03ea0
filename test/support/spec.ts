/**
 * The spec facts the tests need, read once from generated/operations.ts rather than written as
 * literals, so that a spec change the SDK takes in its stride (a renamed cursor, a new filter, a
 * new status value, other limit bounds) keeps the tests green after `npm run generate`.
 */
import { operationMetadata } from '../../generated/operations.js';

const listing = operationMetadata.listCheckoutSessions;

/** The list operation's query parameters, by name, with their rules, in spec order. */
export const listQuery = listing.query;

/** How the list operation pages: the parameter and field names of its `x-pagination`. */
export const { limitParam, cursorParam, cursorField, itemsField, hasMoreField } = listing.pagination;

/** The names of the list operation's query parameters, in spec order: what an unknown one is told to be. */
export const knownListParams: readonly string[] = Object.keys(listQuery);

/** The status filter: the list's query parameter whose values the spec enumerates. */
export const statusParam = 'status' satisfies keyof typeof listQuery;

/** A status the spec lists, as its type: the value set of the status filter. */
export type SpecStatus = (typeof listQuery)[typeof statusParam]['enum'][number];

/** The status filter's values, in spec order (typed as the spec's own tuple). */
export const statusValues = listQuery[statusParam].enum;

/**
 * A string that can never be one of the spec's statuses, at run time or in types: a status with a
 * suffix. Built on the longest status, it is longer than every one of them.
 */
export type NotAStatus = `${SpecStatus}-not-a-status`;
const longestStatus = statusValues.reduce((longest, value) => (value.length > longest.length ? value : longest));
export const invalidStatus: NotAStatus = `${longestStatus}-not-a-status`;

/** A status in the wrong letter case, which the spec does not list either (such as `completed`). */
export const recasedStatus: string = (() => {
  const recased = statusValues
    .flatMap((value) => [value.toLowerCase(), value.toUpperCase()])
    .find((value) => !(statusValues as readonly string[]).includes(value));
  if (recased === undefined) throw new Error('every status is listed in both letter cases: pick another wrong value');
  return recased;
})();

const limitRule = listQuery[limitParam];

/** The page size's bounds and default, as the spec declares them. */
export const limitBounds: { minimum: number; maximum: number; default: number } = {
  minimum: limitRule.minimum,
  maximum: limitRule.maximum,
  default: limitRule.default,
};

/** What the SDK says a page size must be: "an integer from <minimum> to <maximum>". */
export const describeLimit = `an integer from ${limitBounds.minimum} to ${limitBounds.maximum}`;

/** text escaped to match itself literally in a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
