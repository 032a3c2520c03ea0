/** The shape of generated/catalog.ts that the MCP server reads: an operation, named and described. */

/** A JSON Schema as the catalog carries it: every `$ref` resolved, descriptions and examples kept. */
export type JsonSchema = Readonly<Record<string, unknown>>;

export interface CatalogParameter {
  readonly name: string;
  readonly in: string;
  readonly required: boolean;
  readonly description: string;
  readonly schema: JsonSchema;
}

export interface CatalogEntry {
  readonly method: string;
  readonly summary: string;
  readonly description: string;
  /** True for an operation that changes state (any method but GET, HEAD and OPTIONS). */
  readonly writes: boolean;
  readonly paginated: boolean;
  /** Path and query parameters; a header parameter is the idempotency key, if any. */
  readonly parameters: readonly CatalogParameter[];
  readonly body?: { readonly required: boolean; readonly description: string; readonly schema: JsonSchema };
  /** Whether the operation takes an idempotency key (an `Idempotency-Key` header). */
  readonly idempotencyKey?: boolean;
}

/** The fields of a list's items: what `fields` accepts (from generated/operations.ts' listItemPaths). */
export interface ItemPaths {
  readonly paths: readonly string[];
  /** Objects whose keys are free (`metadata`): any key below them is a path too. */
  readonly mapPaths: readonly string[];
}
