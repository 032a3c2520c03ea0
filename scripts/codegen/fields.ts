/**
 * The paths into a list operation's items, as the CLI's `--fields` needs them: every property,
 * top-level and nested (`total_details.amount_tax`), through `$ref`, `oneOf`, `anyOf` and `allOf`,
 * and the objects whose keys are free (`metadata`), so that a field the spec adds can be picked with
 * `npm run generate` alone.
 */
import { type Json, resolveRef } from './document.js';

export interface ItemPaths {
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

function collect(document: Json, node: unknown, prefix: string, chain: string[], into: ItemPaths): void {
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

/** The paths into the items of a list whose `itemsField` is an array of a component schema. */
export function itemPaths(document: Json, listSchema: string, itemsField: string, id: string): ItemPaths {
  const schemas = (document.components as Json).schemas as Record<string, Json>;
  const items = ((schemas[listSchema]!.properties as Json)[itemsField] as { items?: { $ref?: string } }).items;
  if (!items?.$ref?.startsWith('#/components/schemas/'))
    throw new Error(`${id}: ${itemsField} must be an array of a component`);
  const into: ItemPaths = { paths: [], mapPaths: [] };
  collect(document, items, '', [], into);
  return into;
}
