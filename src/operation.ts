/** The shape of generated/operations.ts: what the SDK and the fake server know of each operation. */
import type { Schema } from './schema-check.js';

/** A parameter's JSON Schema rules, as the spec declares them. */
export interface ParamRule {
  readonly type: string;
  readonly enum?: readonly unknown[];
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly default?: unknown;
  readonly required?: boolean;
}

/** How a list operation pages: from `x-pagination` in the spec. */
interface Paging {
  /** The query parameter of the page size, such as `limit`. */
  readonly limitParam: string;
  /** The list field that holds the items, such as `data`. */
  readonly itemsField: string;
}

/** A list whose next page starts after a cursor taken from its last item (Stripe's lists). */
export interface CursorPagination extends Paging {
  readonly style: 'cursor';
  /** The query parameter that carries the cursor, such as `starting_after`. */
  readonly cursorParam: string;
  /** The item field whose value of the last item is the next cursor, such as `id`. */
  readonly cursorField: string;
  /** The boolean field that says more items follow, such as `has_more`. */
  readonly hasMoreField: string;
}

/** A list whose next page starts at an offset: the items received so far. */
export interface OffsetPagination extends Paging {
  readonly style: 'offset';
  /** The query parameter of the offset, such as `offset`. */
  readonly offsetParam: string;
  /** A boolean field that says more items follow, if the list has one. */
  readonly hasMoreField?: string;
  /** A field with the number of items in all pages, if the list has one (used when there is no hasMoreField). */
  readonly totalField?: string;
}

export type Pagination = CursorPagination | OffsetPagination;

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: Readonly<Record<string, ParamRule>>;
  readonly query: Readonly<Record<string, ParamRule>>;
  /** The JSON request body: its schema, and whether it must be sent. */
  readonly body?: { readonly required: boolean; readonly schema: Schema };
  /** The header the operation takes an idempotency key in, such as `Idempotency-Key`. */
  readonly idempotencyHeader?: string;
  readonly success: { readonly status: number; readonly schema: string };
  readonly pagination?: Pagination;
}
