/**
 * A list tool's call: one page, or with `max` a walk of as many pages as that takes, by the SDK's
 * auto-pagination (prefetch, the runaway guard, retries). Whether more items exist is known, never
 * guessed: after one page, from the page itself; after a walk, from the item after the last one kept,
 * which the walk reads too.
 */
import type { Engine } from '../../engine.js';
import type { Operation, Pagination } from '../../operation.js';
import type { PageParams } from '../../page.js';
import type { ToolArguments } from './arguments.js';

export interface Listed {
  items: unknown[];
  /** Whether items follow the last one of items. */
  hasMore: boolean;
  /** Whether the walk stopped at max with items left. */
  stoppedAtMax: boolean;
}

/**
 * The arguments that ask for the page after the first count items of a list that started at query:
 * the cursor of the last one, or the offset past it. Null when the last item has no cursor.
 */
export function positionAfter(
  paging: Pagination,
  query: Record<string, unknown>,
  items: readonly unknown[],
  count: number,
): PageParams | null {
  if (paging.style === 'offset') return { [paging.offsetParam]: Number(query[paging.offsetParam] ?? 0) + count };
  if (count === 0) {
    const cursor = query[paging.cursorParam];
    return typeof cursor === 'string' ? { [paging.cursorParam]: cursor } : {};
  }
  const last = items[count - 1] as Record<string, unknown> | null | undefined;
  const cursor = last !== null && typeof last === 'object' ? last[paging.cursorField] : undefined;
  return typeof cursor === 'string' ? { [paging.cursorParam]: cursor } : null;
}

export async function listItems(
  engine: Engine,
  operation: Operation,
  args: ToolArguments,
  signal: AbortSignal,
): Promise<Listed> {
  const { limitParam } = operation.pagination!;
  const query = { ...args.call.query };
  if (args.max === undefined) {
    const page = await engine.list(operation, { ...args.call, query }, { signal });
    return { items: page.getPaginatedItems(), hasMore: page.hasNextPage(), stoppedAtMax: false };
  }
  // Pages of the largest size the spec allows, or one more than max when that is fewer: the item
  // after max then comes on the same page, and tells whether more exist without another request.
  const maximum = operation.query[limitParam]?.maximum ?? Number.POSITIVE_INFINITY;
  query[limitParam] ??= Math.min(args.max + 1, maximum);
  // One item past max, read by a walk told how many it wants: it requests no page past that item.
  const items = await engine
    .list(operation, { ...args.call, query }, { signal })
    .autoPagingToArray({ limit: args.max + 1 });
  const hasMore = items.length > args.max;
  return { items: items.slice(0, args.max), hasMore, stoppedAtMax: hasMore };
}
