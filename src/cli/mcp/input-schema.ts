/**
 * A tool's input schema, from its operation alone: each path and query parameter with the JSON
 * Schema the spec gives it and the parameter's own description, the JSON body as one argument, and
 * the tool's own arguments (`fields` and `max` for a list, `idempotency_key` where the spec declares
 * one). An own argument never hides a parameter of the spec: it takes a `_` before its name instead.
 */
import { maxItems } from './bounds.js';
import type { CatalogEntry, ItemPaths, JsonSchema } from './catalog-entry.js';

/** The names a tool gives its own arguments, apart from the spec's parameters. */
export interface OwnNames {
  body?: string;
  fields?: string;
  max?: string;
  idempotencyKey?: string;
}

export interface InputSchema {
  [keyword: string]: unknown;
  type: 'object';
  properties: Record<string, JsonSchema>;
  required: string[];
  additionalProperties: false;
}

/** name, or `_name` (`__name`…) while the spec has a parameter of that name. */
function free(name: string, taken: readonly string[]): string {
  while (taken.includes(name)) name = `_${name}`;
  return name;
}

/** The names of the tool's own arguments for an operation. */
export function ownNamesOf(entry: CatalogEntry): OwnNames {
  const taken = entry.parameters.map((p) => p.name);
  return {
    ...(entry.body && { body: free('body', taken) }),
    ...(entry.paginated && { fields: free('fields', taken), max: free('max', taken) }),
    ...(entry.idempotencyKey && { idempotencyKey: free('idempotency_key', taken) }),
  };
}

/** The extra column's name, as the CLI names it: `extra`, or `_extra` should the spec name a field so. */
export function extraFieldOf(paths: ItemPaths): string {
  let name = 'extra';
  while (paths.paths.includes(name)) name = `_${name}`;
  return name;
}

/** `fields`: the items' paths as the spec declares them, a key below an object with free keys, or the extra column. */
export function fieldsSchema(paths: ItemPaths): JsonSchema {
  const known = { enum: [...paths.paths, extraFieldOf(paths)] };
  const escaped = paths.mapPaths.map((map) => map.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const free = escaped.length ? { type: 'string', pattern: `^(?:${escaped.join('|')})\\..+$` } : undefined;
  return {
    type: 'array',
    minItems: 1,
    items: free ? { anyOf: [known, free] } : known,
    description:
      'Only these fields of each item, by path (`total_details.amount_tax` reaches into an object), each as a key ' +
      `of the item returned. \`${extraFieldOf(paths)}\` holds the fields the spec does not know yet. Default: every field.`,
  };
}

export const maxSchema: JsonSchema = {
  type: 'integer',
  minimum: 1,
  maximum: maxItems,
  description:
    `Walk as many pages as it takes to return up to this many items (at most ${maxItems}). Without it, one page. ` +
    'When more items exist past max, the result says so and gives the cursor to continue from.',
};

// The SDK's own check of an idempotency key (src/call-options.ts): it travels in a header.
const idempotencyKeySchema: JsonSchema = {
  type: 'string',
  minLength: 1,
  maxLength: 255,
  pattern: '^[\\x21-\\x7e]+$',
  description:
    'Makes the call count once however often it is sent: pass the same key again when you repeat a call whose ' +
    'outcome you do not know. Default: a new key for this call, the same on each of its retries.',
};

/** The input schema of an operation's tool; paths are a list's item fields (for `fields`), needed for a list. */
export function inputSchemaOf(entry: CatalogEntry, own: OwnNames, paths?: ItemPaths): InputSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const parameter of entry.parameters) {
    const description = parameter.description || (parameter.schema.description as string | undefined);
    properties[parameter.name] = { ...parameter.schema, ...(description && { description }) };
    if (parameter.required) required.push(parameter.name);
  }
  if (entry.body && own.body) {
    const description = [entry.body.description, entry.body.schema.description].filter(Boolean).join('\n\n');
    properties[own.body] = { ...entry.body.schema, ...(description && { description }) };
    if (entry.body.required) required.push(own.body);
  }
  if (own.fields) properties[own.fields] = fieldsSchema(paths!);
  if (own.max) properties[own.max] = maxSchema;
  if (own.idempotencyKey) properties[own.idempotencyKey] = idempotencyKeySchema;
  return { type: 'object', properties, required, additionalProperties: false };
}
