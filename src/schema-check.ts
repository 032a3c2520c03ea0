import { didYouMean } from './suggest.js';
import { describeValue } from './validation.js';

/**
 * Checks a value against the subset of JSON Schema the spec writes (types, enums, bounds, lengths,
 * patterns, the formats it names, required and unknown properties, items, anyOf/oneOf and $ref to
 * a component), and says where it fails and what is allowed there. Schemas come from
 * generated/operations.ts as data: one small interpreter serves every operation's body and
 * parameters, where compiled validators would grow with each operation.
 */

/** A JSON Schema as generated/operations.ts carries it; `$ref` names a schema of `Schemas`. */
export interface Schema {
  readonly type?: string | readonly string[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  readonly format?: string;
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly additionalProperties?: boolean | Schema;
  readonly items?: Schema;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly maxProperties?: number;
  readonly anyOf?: readonly Schema[];
  readonly oneOf?: readonly Schema[];
  readonly $ref?: string;
}

/** The component schemas a `$ref` may name. */
export type Schemas = Readonly<Record<string, Schema>>;

/** Where a value fails its schema, what the schema allows there, and what was found instead. */
export interface Problem {
  /** `line_items[0].quantity`; empty for the value itself. */
  path: string;
  allowed: string;
  /** `got 0`, `missing, and the spec requires it`, `unknown property (did you mean …?)`. */
  found: string;
}

// The formats the spec names. A lone surrogate is never well-formed text: no URL, header or JSON body
// carries it intact.
const formats: Record<string, [RegExp, string]> = {
  email: [/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'an email address'],
  uri: [/^[a-z][a-z\d+.-]*:[^\s]*$/i, 'an absolute URL'],
  'date-time': [/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i, 'a date and time (RFC 3339)'],
};
const loneSurrogate = /\p{Cs}/u;

const typeOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;

const nouns: Record<string, string> = { integer: 'an integer', array: 'an array', object: 'an object', null: 'null' };

/** What a schema allows, in words: "one of A, B", "an integer from 1 to 100", "an email address". */
export function describeSchema(schema: Schema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return `one of ${schema.enum.join(', ')}`;
  const types = [schema.type ?? 'any value'].flat().map((type) => nouns[type] ?? `a ${type}`);
  let noun = types.join(' or ');
  const { minimum: min, maximum: max } = schema;
  if (min !== undefined && max !== undefined) noun += ` from ${min} to ${max}`;
  else if (min !== undefined) noun += ` of at least ${min}`;
  else if (max !== undefined) noun += ` of at most ${max}`;
  if (schema.format && formats[schema.format]) noun = formats[schema.format]![1];
  if (schema.pattern !== undefined) noun += ` matching /${schema.pattern}/`;
  if (schema.minLength)
    noun =
      schema.minLength === 1 ? `a non-empty ${noun.slice(2)}` : `${noun} of at least ${schema.minLength} characters`;
  if (schema.maxLength !== undefined) noun += ` of at most ${schema.maxLength} characters`;
  if (schema.maxItems !== undefined) noun += ` of at most ${schema.maxItems} items`;
  return noun;
}

/** `line_items[0]`, `metadata.order_id`, `metadata["order id"]`. */
const join = (path: string, key: string | number) =>
  typeof key === 'number'
    ? `${path}[${key}]`
    : /^[A-Za-z_$][\w$]*$/.test(key)
      ? path
        ? `${path}.${key}`
        : key
      : `${path}[${JSON.stringify(key)}]`;

/** The first place where value breaks schema, or undefined when it satisfies it. */
export function findProblem(schema: Schema, value: unknown, schemas: Schemas = {}, path = ''): Problem | undefined {
  if (schema.$ref) return findProblem(schemas[schema.$ref.split('/').at(-1)!] ?? {}, value, schemas, path);
  const fail = (allowed = describeSchema(schema)): Problem => ({ path, allowed, found: describeValue(value) });
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) {
    const fits = alternatives.filter((alternative) => !findProblem(alternative, value, schemas, path)).length;
    if (schema.oneOf ? fits !== 1 : fits === 0) return fail(alternatives.map((a) => describeSchema(a)).join(', or '));
  }
  const type = typeOf(value);
  const types = schema.type === undefined ? undefined : [schema.type].flat();
  if (types && !types.includes(type) && !(type === 'integer' && types.includes('number'))) return fail();
  if (schema.const !== undefined && value !== schema.const) return fail();
  if (schema.enum && !schema.enum.includes(value)) return fail();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail();
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
    if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) return fail();
    if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) return fail();
    if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) return fail();
  }
  if (typeof value === 'string') {
    const length = [...value].length;
    if (loneSurrogate.test(value)) return fail(`${describeSchema(schema)} (well-formed Unicode)`);
    if ((schema.minLength ?? 0) > length || (schema.maxLength ?? length) < length) return fail();
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return fail();
    if (schema.format && formats[schema.format] && !formats[schema.format]![0].test(value)) return fail();
  }
  if (Array.isArray(value)) {
    if ((schema.minItems ?? 0) > value.length || (schema.maxItems ?? value.length) < value.length) return fail();
    for (const [index, item] of value.entries()) {
      const problem = schema.items && findProblem(schema.items, item, schemas, join(path, index));
      if (problem) return problem;
    }
  }
  if (type === 'object') return objectProblem(schema, value as Record<string, unknown>, schemas, path);
  return undefined;
}

function objectProblem(
  schema: Schema,
  value: Record<string, unknown>,
  schemas: Schemas,
  path: string,
): Problem | undefined {
  const properties = schema.properties ?? {};
  for (const name of schema.required ?? []) {
    if (value[name] === undefined || !Object.hasOwn(value, name)) {
      const allowed = describeSchema(properties[name] ?? {});
      return { path: join(path, name), allowed, found: 'missing, and the spec requires it' };
    }
  }
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined) continue;
    const known = Object.hasOwn(properties, name) ? properties[name] : undefined;
    const extra = schema.additionalProperties;
    if (!known && extra === false) {
      const names = Object.keys(properties);
      return {
        path: join(path, name),
        allowed: `one of ${names.join(', ')}`,
        found: `unknown property${didYouMean(name, names)}`,
      };
    }
    const rule = known ?? (typeof extra === 'object' ? extra : undefined);
    const problem = rule && findProblem(rule, item, schemas, join(path, name));
    if (problem) return problem;
  }
  return undefined;
}
