/**
 * Which table columns are never cut: IDs, so that any of them can be copied into `retrieve` or a
 * cursor flag, and numbers, whose cut would read as another number.
 */
import { cursorFieldOf, type ListTarget } from './list-target.js';

// An ID as Stripe-style APIs make them: a lowercase prefix, an underscore, then letters, digits
// and underscores (`cs_live_…`, `cus_…`, `pi_…`).
const idShape = /^[a-z][a-z0-9]*_[A-Za-z0-9_]+$/;

/** Whether a cell is shaped like an ID (`cs_live_…`, `cus_…`). */
export const looksLikeId = (cell: string) => idShape.test(cell);

// A number as JSON writes one: a cut amount or timestamp would read as another number.
const numberShape = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/**
 * Whether a column of a list's table is never cut: the cursor field (`id`), a name ending in `id`
 * (`client_reference_id`, `externalCustomerId`), or a column whose every value on the first page is
 * shaped like an ID (`customer`, `payment_intent`) or is a number (`amount_total`, `expires_at`).
 */
export function neverCutIn(target: ListTarget) {
  const cursorField = cursorFieldOf(target);
  return (column: string, cells: readonly string[]): boolean => {
    const name = column.split('.').at(-1)!;
    if (column === cursorField || /(^|_)id$|[a-z]Id$/.test(name)) return true;
    const values = cells.filter((cell) => cell !== '—');
    return values.length > 0 && values.every((cell) => idShape.test(cell) || numberShape.test(cell));
  };
}
