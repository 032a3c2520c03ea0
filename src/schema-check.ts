import { didYouMean } from './suggest.js';

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
  /** The properties an object must have; `true` on a parameter's rule, which is no object (ignored here). */
  readonly required?: readonly string[] | boolean;
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

// The formats the spec may name, each a check of a string or a number and what it accepts in words.
// A format not listed here is not checked (the generator says so). Email and URI are checked as
// ajv-formats' "fast" mode does: a form, not a delivery.
const formats: Record<string, [(value: never) => boolean, string?]> = {
  email: [
    (text: string) =>
      /^[a-z\d.!#$%&'*+/=?^_`{|}~-]+@[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?(?:\.[a-z\d](?:[a-z\d-]{0,61}[a-z\d])?)*$/i.test(
        text,
      ),
    'an email address',
  ],
  uri: [(text: string) => /^[a-z][a-z\d+.-]*:(?:\/?\/)?\S*$/i.test(text), 'an absolute URL'],
  'date-time': [
    (text: string) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:z|[+-]\d\d:\d\d)$/i.test(text),
    'a date and time (RFC 3339)',
  ],
  int32: [(n: number) => n >= -(2 ** 31) && n < 2 ** 31],
  int64: [(n: number) => Number.isSafeInteger(n)],
};

/** The formats the checker checks: the generator warns of any other the spec names. */
export const checkedFormats = Object.keys(formats);

const loneSurrogate = /\p{Cs}/u;

/** "got …" for a message: short, and never a whole object, which may hold anything. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return `got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (value && typeof value === 'object') return `got ${Array.isArray(value) ? 'an array' : 'an object'}`;
  return `got ${typeof value === 'function' ? 'a function' : String(value)}`;
}

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
  const named = schema.format && formats[schema.format]?.[1];
  if (named) noun = named;
  if (schema.pattern !== undefined) noun += ` matching /${schema.pattern}/`;
  if (schema.minLength)
    noun =
      schema.minLength === 1 ? `a non-empty ${noun.slice(2)}` : `${noun} of at least ${schema.minLength} characters`;
  if (schema.maxLength !== undefined) noun += ` of at most ${schema.maxLength} characters`;
  const { minItems, maxItems } = schema;
  if (minItems !== undefined && maxItems !== undefined) noun += ` of ${minItems} to ${maxItems} items`;
  else if (maxItems !== undefined) noun += ` of at most ${maxItems} items`;
  else if (minItems !== undefined) noun += ` of at least ${minItems} items`;
  return noun;
}

/** Whether a value of type (typeOf's) is one of types: an integer is a number too. */
function hasType(types: string | readonly string[], type: string): boolean {
  if (typeof types === 'string') return types === type || (type === 'integer' && types === 'number');
  return types.includes(type) || (type === 'integer' && types.includes('number'));
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
  if (schema.type !== undefined && !hasType(schema.type, type)) return fail();
  if (schema.const !== undefined && value !== schema.const) return fail();
  if (schema.enum && !schema.enum.includes(value)) return fail();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return fail();
    const { minimum, maximum, exclusiveMinimum, exclusiveMaximum } = schema;
    if ((minimum !== undefined && value < minimum) || (maximum !== undefined && value > maximum)) return fail();
    if (exclusiveMinimum !== undefined && value <= exclusiveMinimum) return fail();
    if (exclusiveMaximum !== undefined && value >= exclusiveMaximum) return fail();
    if (schema.format && formats[schema.format] && !formats[schema.format]![0](value as never)) return fail();
  }
  if (typeof value === 'string') {
    if (loneSurrogate.test(value)) return fail(`${describeSchema(schema)} (well-formed Unicode)`);
    // Lengths in code points, counted only against a bound: every call checks its string parameters.
    const length = schema.minLength === undefined && schema.maxLength === undefined ? 0 : [...value].length;
    if ((schema.minLength ?? 0) > length || (schema.maxLength ?? length) < length) return fail();
    if (schema.pattern !== undefined && !new RegExp(schema.pattern, 'u').test(value)) return fail();
    if (schema.format && formats[schema.format] && !formats[schema.format]![0](value as never)) return fail();
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

/**
 * An object's first problem: too many properties, then an unknown one (a typo is named as such, not
 * as the property it misspells gone missing), then a required one missing, then a value.
 */
function objectProblem(
  schema: Schema,
  value: Record<string, unknown>,
  schemas: Schemas,
  path: string,
): Problem | undefined {
  const properties = schema.properties ?? {};
  const names = Object.keys(properties);
  const present = Object.entries(value).filter(([, item]) => item !== undefined);
  if (schema.maxProperties !== undefined && present.length > schema.maxProperties) {
    return { path, allowed: `an object of at most ${schema.maxProperties} properties`, found: `got ${present.length}` };
  }
  const unknown = schema.additionalProperties === false && present.find(([name]) => !Object.hasOwn(properties, name));
  if (unknown) {
    const [name] = unknown;
    return {
      path: join(path, name),
      allowed: `one of ${names.join(', ')}`,
      found: `unknown property${didYouMean(name, names)}`,
    };
  }
  for (const name of Array.isArray(schema.required) ? schema.required : []) {
    if (value[name] === undefined || !Object.hasOwn(value, name)) {
      const allowed = describeSchema(properties[name] ?? {});
      return { path: join(path, name), allowed, found: 'missing, and the spec requires it' };
    }
  }
  const extra = schema.additionalProperties;
  for (const [name, item] of present) {
    const rule = Object.hasOwn(properties, name) ? properties[name] : typeof extra === 'object' ? extra : undefined;
    const problem = rule && findProblem(rule, item, schemas, join(path, name));
    if (problem) return problem;
  }
  return undefined;
}
