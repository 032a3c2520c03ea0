/** A schema as the rows of a table, nested fields by their path (`data[].shipping.address.city`). */
import { cell, code } from '../codegen/api-md-method.js';
import { type Json, resolveRef } from '../codegen/document.js';
import { summarize } from '../codegen/schema-summary.js';

/** The object a schema describes, through a `$ref`, an array's items, or the non-null variant of a oneOf. */
function objectOf(document: Json, node: unknown): { schema: Json; path: string } | undefined {
  const schema = resolveRef<Json>(document, node);
  if (schema.properties) return { schema, path: '' };
  if (schema.items) {
    const inner = objectOf(document, schema.items);
    return inner && { schema: inner.schema, path: `[]${inner.path}` };
  }
  const variants = ((schema.oneOf ?? schema.anyOf) as unknown[] | undefined)?.filter(
    (variant) => resolveRef<Json>(document, variant).type !== 'null',
  );
  return variants?.length === 1 ? objectOf(document, variants[0]) : undefined;
}

/** Rows of field, type, required and description for every property of schema, nested ones included. */
export function schemaRows(document: Json, node: unknown, prefix = '', seen: string[] = []): string[][] {
  const found = objectOf(document, node);
  if (!found) return [];
  const required = (found.schema.required as string[] | undefined) ?? [];
  const rows: string[][] = [];
  for (const [name, property] of Object.entries(found.schema.properties as Record<string, Json>)) {
    const path = `${prefix}${found.path}${prefix || found.path ? '.' : ''}${name}`.replace(/^\./, '');
    const described = resolveRef<Json>(document, property).description ?? property.description;
    rows.push([
      code(path),
      code(summarize(document, property)),
      required.includes(name) ? 'yes' : 'no',
      cell(described),
    ]);
    const ref = JSON.stringify(property);
    // A schema that contains itself would recurse for ever: its fields are listed once.
    if (!seen.includes(ref)) rows.push(...schemaRows(document, property, path, [...seen, ref]));
  }
  return rows;
}
