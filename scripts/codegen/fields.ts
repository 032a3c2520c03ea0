/**
 * The fields of a list operation's item schema, as the CLI needs them: the top-level properties in
 * spec order (its CSV columns) and every dotted path into nested objects (what `--fields` accepts),
 * so that a field the spec adds becomes a column with `npm run generate` alone.
 */
import { resolveRef } from './refs.js';

type Json = Record<string, unknown>;

export interface ItemFields {
  /** The component schema of one item, such as `CheckoutSession`. */
  schema: string;
  /** Its top-level properties, in spec order. */
  fields: string[];
  /** Every property path, top-level and nested (`total_details.amount_tax`), in spec order. */
  paths: string[];
  /** Paths of objects whose keys are free (`additionalProperties`, such as `metadata`): any key below is a path. */
  mapPaths: string[];
}

/** The schemas a schema stands for: itself, or each variant of its oneOf, anyOf and allOf. */
function variants(document: Json, node: unknown, chain: string[]): { schema: Json; chain: string[] }[] {
  const ref = (node as { $ref?: string }).$ref;
  if (ref && chain.includes(ref)) return []; // a recursive schema: its paths were listed one level up
  const next = ref ? [...chain, ref] : chain;
  const schema = resolveRef<Json>(document, node);
  const nested = ['oneOf', 'anyOf', 'allOf'].flatMap((key) => (schema[key] as unknown[] | undefined) ?? []);
  return [{ schema, chain: next }, ...nested.flatMap((variant) => variants(document, variant, next))];
}

function collect(document: Json, node: unknown, prefix: string, chain: string[], into: ItemFields): void {
  for (const { schema, chain: next } of variants(document, node, chain)) {
    const properties = (schema.properties as Json | undefined) ?? {};
    for (const [name, property] of Object.entries(properties)) {
      if (name.includes('.')) throw new Error(`${prefix}${name}: a field name with a dot cannot be a --fields path`);
      const path = `${prefix}${name}`;
      if (!into.paths.includes(path)) into.paths.push(path);
      collect(document, property, `${path}.`, next, into);
    }
    const free = schema.additionalProperties;
    if (prefix && free !== undefined && free !== false && Object.keys(properties).length === 0) {
      const path = prefix.slice(0, -1);
      if (!into.mapPaths.includes(path)) into.mapPaths.push(path);
    }
  }
}

/** The item schema of a list whose `itemsField` is an array of a component schema, with its field list. */
export function itemFields(document: Json, listSchema: string, itemsField: string, id: string): ItemFields {
  const schemas = (document.components as Json).schemas as Record<string, Json>;
  const items = ((schemas[listSchema]!.properties as Json)[itemsField] as { items?: { $ref?: string } }).items;
  const ref = items?.$ref;
  if (!ref?.startsWith('#/components/schemas/'))
    throw new Error(`${id}: ${itemsField} must be an array of a component`);
  const schema = ref.slice('#/components/schemas/'.length);
  const fields = Object.keys((resolveRef<Json>(document, items).properties as Json | undefined) ?? {});
  if (fields.length === 0) throw new Error(`${id}: the item schema ${schema} declares no properties`);
  const into: ItemFields = { schema, fields, paths: [], mapPaths: [] };
  collect(document, items, '', [], into);
  return into;
}
