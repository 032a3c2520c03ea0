/** A schema in a few words, for a reader's table: `integer, 1 to 100, default 10`, `'payment' | 'setup'`, `LineItem[]`. */
import { componentName, type Json, resolveRef } from './document.js';
import { typeNameOf } from './sdk.js';

const quote = (value: unknown) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value));

/** The bounds a schema sets, in words. */
function bounds(schema: Json): string[] {
  const words: string[] = [];
  const { minimum, maximum, minLength, maxLength, minItems, maxItems, format, pattern } = schema;
  if (minimum !== undefined && maximum !== undefined) words.push(`${minimum} to ${maximum}`);
  else if (minimum !== undefined) words.push(`at least ${minimum}`);
  else if (maximum !== undefined) words.push(`at most ${maximum}`);
  if (minLength !== undefined && maxLength !== undefined) words.push(`${minLength} to ${maxLength} characters`);
  else if (minLength !== undefined) words.push(`at least ${minLength} character${minLength === 1 ? '' : 's'}`);
  else if (maxLength !== undefined) words.push(`at most ${maxLength} characters`);
  if (minItems !== undefined) words.push(`at least ${minItems} item${minItems === 1 ? '' : 's'}`);
  if (maxItems !== undefined) words.push(`at most ${maxItems} items`);
  if (schema.maxProperties !== undefined) words.push(`at most ${schema.maxProperties} keys`);
  if (format) words.push(String(format));
  if (pattern) words.push(`matching ${pattern}`);
  if (schema.default !== undefined) words.push(`default ${quote(schema.default)}`);
  return words;
}

/** How a reader writes a value of schema: its type name, its values, or its type with its bounds. */
export function summarize(document: Json, node: unknown): string {
  const name = componentName(node);
  const schema = resolveRef<Json>(document, node);
  const variants = (schema.oneOf ?? schema.anyOf) as unknown[] | undefined;
  if (variants) return variants.map((variant) => summarize(document, variant)).join(' or ');
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]).filter(Boolean) as string[];
  if (types.length === 1 && types[0] === 'null') return 'null';
  const nullable = types.includes('null') ? ' or null' : '';
  if (name && schema.type !== undefined && !['string', 'integer', 'number', 'boolean'].includes(types[0]!))
    return `${typeNameOf(document, name)}${nullable}`;
  if (Array.isArray(schema.enum)) return schema.enum.map(quote).join(' | ');
  if (schema.const !== undefined) return quote(schema.const);
  const type = types.find((t) => t !== 'null') ?? 'object';
  if (type === 'array') {
    const items = summarize(document, schema.items);
    const list = /^[\w.]+$/.test(items) ? `${items}[]` : `(${items})[]`;
    return [list + nullable, ...bounds(schema)].join(', ');
  }
  return [type + nullable, ...bounds(schema)].join(', ');
}
