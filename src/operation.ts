/** The shape of generated/operations.ts: what the SDK and the fake server know of each operation. */

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
export interface Pagination {
  /** The query parameter of the page size, such as `limit`. */
  readonly limitParam: string;
  /** The query parameter that carries the cursor, such as `starting_after`. */
  readonly cursorParam: string;
  /** The item field whose value of the last item is the next cursor, such as `id`. */
  readonly cursorField: string;
  /** The list field that holds the items, such as `data`. */
  readonly itemsField: string;
  /** The boolean field that says more items follow, such as `has_more`. */
  readonly hasMoreField: string;
}

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly pathParams: Readonly<Record<string, ParamRule>>;
  readonly query: Readonly<Record<string, ParamRule>>;
  readonly success: { readonly status: number; readonly schema: string };
  readonly pagination?: Pagination;
}
