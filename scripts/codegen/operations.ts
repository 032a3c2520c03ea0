/**
 * Derives generated/operations.ts from the bundled spec: for each operation, what the SDK and the
 * fake server need at run time (method, path, parameter rules, success schema, pagination), and for
 * each list the fields of its items and the paths into them (what the fake server and the CLI need),
 * so that a change in spec/ reaches them through codegen alone.
 */
import { type ItemPaths, itemPaths } from './fields.js';
import { resolveRef } from './refs.js';

type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Json;
}

/** The JSON Schema keywords a parameter's rule keeps: what the run-time checks enforce. */
const ruleKeywords = ['type', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'default'];

function rule(parameter: Parameter): Json {
  const kept = Object.fromEntries(
    ruleKeywords.filter((key) => key in parameter.schema).map((key) => [key, parameter.schema[key]]),
  );
  if (typeof kept.type !== 'string') throw new Error(`parameter ${parameter.name} needs a single schema type`);
  return parameter.required ? { ...kept, required: true } : kept;
}

/** The name of the component schema a success response refers to, such as `CheckoutSessionList`. */
function successSchema(document: Json, operation: Json, id: string): { status: number; schema: string } {
  const responses = operation.responses as Record<string, Json>;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  if (!status) throw new Error(`operation ${id} has no 2xx response`);
  const response = resolveRef<Json>(document, responses[status]);
  const ref = ((response.content as Json)['application/json'] as { schema: { $ref?: string } }).schema.$ref;
  if (!ref?.startsWith('#/components/schemas/')) throw new Error(`operation ${id}: the 2xx schema must be a component`);
  return { status: Number(status), schema: ref.slice('#/components/schemas/'.length) };
}

/** `x-pagination` of a list operation, checked against its parameters and its success schema. */
function pagination(document: Json, operation: Json, id: string, query: Json, schema: string): Json | undefined {
  const marked = operation['x-pagination'] as Json | undefined;
  if (!marked) return undefined;
  const { limitParam, cursorParam, cursorField, itemsField, hasMoreField } = marked as Record<string, string>;
  const properties = ((document.components as Json).schemas as Record<string, { properties: Json }>)[schema]!
    .properties;
  if (!(cursorParam! in query))
    throw new Error(`${id}: x-pagination.cursorParam ${cursorParam} is not a query parameter`);
  for (const field of [itemsField!, hasMoreField!]) {
    if (!(field in properties)) throw new Error(`${id}: x-pagination names ${field}, which ${schema} lacks`);
  }
  // A page holds at most `limit` items: a bound on the list that disagrees with the parameter's is a stale one.
  const { maximum } = (query[limitParam!] ?? {}) as { maximum?: number };
  const { maxItems } = properties[itemsField!] as { maxItems?: number };
  if (maxItems !== undefined && maxItems !== maximum)
    throw new Error(
      `${id}: ${schema}.${itemsField} has maxItems ${maxItems} but ${limitParam}'s maximum is ${maximum}: a page holds at most ${limitParam} items, so make them equal`,
    );
  return { limitParam, cursorParam, cursorField, itemsField, hasMoreField };
}

/** The fields a list's items declare, such as `id` and `customer`: its x-pagination cursorField among them. */
function itemFields(document: Json, schema: string, paging: Json): string[] {
  const list = ((document.components as Json).schemas as Record<string, { properties: Json }>)[schema]!;
  const items = (list.properties[paging.itemsField as string] as { items: unknown }).items;
  const fields = Object.keys(resolveRef<{ properties?: Json }>(document, items).properties ?? {});
  if (!fields.includes(paging.cursorField as string))
    throw new Error(`${schema}: its items lack ${paging.cursorField}`);
  return fields;
}

export function renderOperations(document: Json): string {
  const operations: Record<string, Json> = {};
  const listItemFields: Record<string, string[]> = {};
  const listItemPaths: Record<string, ItemPaths> = {};
  for (const [path, pathItem] of Object.entries(document.paths as Record<string, Json>)) {
    const shared = ((pathItem.parameters as unknown[]) ?? []).map((p) => resolveRef<Parameter>(document, p));
    for (const [method, operation] of Object.entries(pathItem) as [string, Json][]) {
      if (typeof operation?.operationId !== 'string') continue;
      const id = operation.operationId;
      const parameters = [
        ...shared,
        ...((operation.parameters as unknown[]) ?? []).map((p) => resolveRef<Parameter>(document, p)),
      ];
      const byPlace = (place: string) =>
        Object.fromEntries(parameters.filter((p) => p.in === place).map((p) => [p.name, rule(p)]));
      const query = byPlace('query');
      const success = successSchema(document, operation, id);
      const paging = pagination(document, operation, id, query, success.schema);
      if (paging) listItemFields[id] = itemFields(document, success.schema, paging);
      operations[id] = {
        method: method.toUpperCase(),
        path,
        pathParams: byPlace('path'),
        query,
        success,
        ...(paging && { pagination: paging }),
      };
      if (paging) listItemPaths[id] = itemPaths(document, success.schema, paging.itemsField as string, id);
    }
  }
  const servers = document.servers as Array<{ url: string }>;
  return `/** The API's base URL: the spec's first server. */
export const defaultBaseUrl = ${JSON.stringify(servers[0]!.url)};

/** Every operation of the spec, with what the SDK and the fake server check and need at run time. */
export const operationMetadata = ${JSON.stringify(operations, null, 2)} as const;

/**
 * For each list operation, the fields its items declare: what the fake server sends of an item. Kept
 * apart from operationMetadata, so that a bundle that does not use it (the SDK's) leaves it out.
 */
export const listItemFields = ${JSON.stringify(listItemFields, null, 2)} as const;

/**
 * For each list operation, every path into its items' nested objects (\`total_details.amount_tax\`), top-level
 * fields included, and the objects whose keys are free (\`metadata\`): what the CLI's --fields accepts.
 */
export const listItemPaths = ${JSON.stringify(listItemPaths, null, 2)} as const;
`;
}
