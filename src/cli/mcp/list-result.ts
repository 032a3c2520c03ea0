/**
 * What a list tool returns, as JSON text under the size bound (bounds.ts): the items (only the
 * `fields` asked for, if any), whether more follow, the arguments that ask for the page after the last
 * item returned, and a notice whenever the result ends before the list does. A result cut to fit keeps
 * the items that fit, in order, and its `next_page` starts right after the last of them: nothing is
 * skipped.
 */
import type { Operation } from '../../operation.js';
import { type Item, selector } from '../fields.js';
import type { ListTarget } from '../list-target.js';
import { resultChars } from './bounds.js';
import type { Listed } from './list-call.js';
import { positionAfter } from './list-call.js';

export interface ListRequest {
  operation: Operation;
  target: ListTarget;
  query: Record<string, unknown>;
  fields?: string[] | undefined;
  max?: number | undefined;
  /** The name of the tool's `max` argument. */
  maxName: string;
}

/** The JSON text of the result with the first count items of listed. */
function render(request: ListRequest, listed: Listed, items: unknown[], count: number): string {
  const cut = count < items.length;
  const hasMore = cut || listed.hasMore;
  const next = hasMore ? positionAfter(request.operation.pagination!, request.query, listed.items, count) : null;
  const truncated = cut ? 'size' : listed.stoppedAtMax ? 'max' : undefined;
  const position = next && Object.entries(next).map(([name, value]) => `${name}: ${JSON.stringify(value)}`);
  const goOn = position
    ? `call again with the same arguments and ${position.join(', ') || 'no cursor'} to continue`
    : 'the last item has no cursor to continue from';
  const notices = {
    size:
      count === 0
        ? `The next item alone is over ${resultChars} characters: ask for fewer \`fields\` to get it.`
        : `Cut to ${count} of the ${items.length} items read, to stay under ${resultChars} characters, and more ` +
          `follow: ${goOn} (fewer \`fields\` fit more items in a call).`,
    max: `Stopped at ${request.maxName} = ${request.max} items, and more follow: ${goOn}.`,
    more: `More items follow: ${goOn}, or pass \`${request.maxName}\` to get up to that many in one call.`,
  };
  const notice = truncated ? notices[truncated] : hasMore ? notices.more : undefined;
  return JSON.stringify({
    items: items.slice(0, count),
    has_more: hasMore,
    next_page: next,
    ...(truncated && { truncated }),
    ...(notice && { notice }),
  });
}

/** The result's text: every item when it fits, else the longest run of items from the first that does. */
export function listResultText(request: ListRequest, listed: Listed): string {
  // Each field's accessor made once for the call, not per item; anything but an object stays as it came.
  const select = selector(request.target, request.fields);
  const items = listed.items.map((item) => (typeof item === 'object' ? select(item as Item) : item));
  let text = render(request, listed, items, items.length);
  if (text.length <= resultChars) return text;
  // Items as long as they fit beside the envelope of a result with none, then fewer while the
  // envelope's own length (its cursor and notice) pushes it over.
  let room = resultChars - render(request, listed, items, 0).length;
  let count = 0;
  for (const item of items) {
    room -= JSON.stringify(item).length + 1;
    if (room < 0) break;
    count++;
  }
  text = render(request, listed, items, count);
  while (text.length > resultChars && count > 0) text = render(request, listed, items, --count);
  return text;
}
