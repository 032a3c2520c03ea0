/**
 * Derives generated/operations.ts from the bundled spec: for each operation, what the SDK and the
 * fake server need at run time (method, path, parameter rules, body rules, idempotency key, success
 * schema, pagination), and for each list the fields of its items and the paths into them (what the
 * fake server and the CLI need), so that a change in spec/ reaches them through codegen alone. Names
 * and descriptions are in generated/catalog.ts; only operationMetadata reaches the SDK's bundle.
 */
import { componentName, type Json, operationsOf, resolveRef, type SpecOperation } from './document.js';
import { type ItemPaths, itemPaths } from './fields.js';
import { bodyRule, componentRules, paramRule } from './rules.js';

/** The name of the component schema a success response refers to, such as `CheckoutSessionList`. */
function successSchema(document: Json, { operation, id }: SpecOperation): { status: number; schema: string } {
  const responses = operation.responses as Record<string, Json>;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code));
  if (!status) throw new Error(`operation ${id} has no 2xx response`);
  const response = resolveRef<Json>(document, responses[status]);
  const schema = componentName(((response.content as Json)['application/json'] as { schema: unknown }).schema);
  if (!schema) throw new Error(`operation ${id}: the 2xx schema must be a component`);
  return { status: Number(status), schema };
}

const styles: Record<string, string[]> = {
  cursor: ['limitParam', 'cursorParam', 'cursorField', 'itemsField', 'hasMoreField'],
  offset: ['limitParam', 'offsetParam', 'itemsField'],
};
const optional: Record<string, string[]> = { cursor: [], offset: ['hasMoreField', 'totalField'] };

/** `x-pagination` of a list operation, checked against its parameters and its success schema. */
function pagination(document: Json, { operation, id }: SpecOperation, query: Json, schema: string): Json | undefined {
  const marked = operation['x-pagination'] as Record<string, string> | undefined;
  if (!marked) return undefined;
  const style = marked.style ?? 'cursor';
  if (!styles[style]) throw new Error(`${id}: x-pagination.style ${style} is neither cursor nor offset`);
  const keys = [...styles[style]!, ...optional[style]!.filter((key) => key in marked)];
  for (const key of styles[style]!) if (!marked[key]) throw new Error(`${id}: x-pagination (${style}) needs ${key}`);
  for (const key of Object.keys(marked)) {
    if (key !== 'style' && !keys.includes(key)) throw new Error(`${id}: x-pagination (${style}) takes no ${key}`);
  }
  const properties = ((document.components as Json).schemas as Record<string, { properties: Json }>)[schema]!
    .properties;
  for (const key of keys.filter((key) => key.endsWith('Param'))) {
    if (!(marked[key]! in query)) throw new Error(`${id}: x-pagination.${key} ${marked[key]} is not a query parameter`);
  }
  for (const key of keys.filter((key) => key.endsWith('Field') && key !== 'cursorField')) {
    if (!(marked[key]! in properties))
      throw new Error(`${id}: x-pagination names ${marked[key]}, which ${schema} lacks`);
  }
  // A page holds at most `limit` items: a bound on the list that disagrees with the parameter's is a stale one.
  const { limitParam, itemsField } = marked;
  const { maximum } = (query[limitParam!] ?? {}) as { maximum?: number };
  const { maxItems } = properties[itemsField!] as { maxItems?: number };
  if (maxItems !== undefined && maxItems !== maximum)
    throw new Error(
      `${id}: ${schema}.${itemsField} has maxItems ${maxItems} but ${limitParam}'s maximum is ${maximum}: a page holds at most ${limitParam} items, so make them equal`,
    );
  return { style, ...Object.fromEntries(keys.map((key) => [key, marked[key]])) };
}

/** The JSON body's rule, when the operation takes one. */
function body(document: Json, { operation, id }: SpecOperation, uses: Set<string>): Json | undefined {
  const requestBody = resolveRef<Json | undefined>(document, operation.requestBody);
  if (!requestBody) return undefined;
  const content = requestBody.content as Record<string, { schema: unknown }>;
  const json = content['application/json'];
  if (!json) throw new Error(`${id}: the SDK sends only application/json bodies, not ${Object.keys(content)}`);
  return { required: requestBody.required === true, schema: bodyRule(json.schema, uses) };
}

/** The header that carries an idempotency key, when the operation declares one (Stripe's `Idempotency-Key`). */
export function idempotencyHeader({ parameters, id }: SpecOperation): string | undefined {
  const headers = parameters.filter((p) => p.in === 'header');
  for (const header of headers) {
    if (header.name.toLowerCase() !== 'idempotency-key') {
      throw new Error(`${id}: header parameter ${header.name}: the SDK sends no header parameter but Idempotency-Key`);
    }
  }
  return headers[0]?.name;
}

/** The fields a list's items declare, such as `id` and `customer`: a cursor list's cursorField among them. */
function itemFields(document: Json, schema: string, paging: Json): string[] {
  const list = ((document.components as Json).schemas as Record<string, { properties: Json }>)[schema]!;
  const items = (list.properties[paging.itemsField as string] as { items: unknown }).items;
  const fields = Object.keys(resolveRef<{ properties?: Json }>(document, items).properties ?? {});
  if (paging.style === 'cursor' && !fields.includes(paging.cursorField as string))
    throw new Error(`${schema}: its items lack ${paging.cursorField}`);
  return fields;
}

export function renderOperations(document: Json): string {
  const operations: Record<string, Json> = {};
  const listItemFields: Record<string, string[]> = {};
  const listItemPaths: Record<string, ItemPaths> = {};
  const uses = new Set<string>();
  for (const spec of operationsOf(document)) {
    const byPlace = (place: string) =>
      Object.fromEntries(spec.parameters.filter((p) => p.in === place).map((p) => [p.name, paramRule(p)]));
    const query = byPlace('query');
    const success = successSchema(document, spec);
    const paging = pagination(document, spec, query, success.schema);
    if (paging) {
      listItemFields[spec.id] = itemFields(document, success.schema, paging);
      listItemPaths[spec.id] = itemPaths(document, success.schema, paging.itemsField as string, spec.id);
    }
    const requestBody = body(document, spec, uses);
    const idempotency = idempotencyHeader(spec);
    operations[spec.id] = {
      method: spec.method,
      path: spec.path,
      pathParams: byPlace('path'),
      query,
      ...(requestBody && { body: requestBody }),
      ...(idempotency && { idempotencyHeader: idempotency }),
      success,
      ...(paging && { pagination: paging }),
    };
  }
  const servers = document.servers as Array<{ url: string }>;
  return `/** The API's base URL: the spec's first server. */
export const defaultBaseUrl = ${JSON.stringify(servers[0]!.url)};

/** Every operation of the spec, with what the SDK and the fake server check and need at run time. */
export const operationMetadata = ${JSON.stringify(operations, null, 2)} as const;

/** The component schemas that request bodies refer to, cut down to what the SDK checks. */
export const schemaRules = ${JSON.stringify(componentRules(document, uses), null, 2)} as const;

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
