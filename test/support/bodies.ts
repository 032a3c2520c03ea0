/**
 * Request bodies for property tests, drawn from the spec's own schemas (generated/openapi.json): any
 * body the schema allows, the same with one thing broken, and Ajv's verdict on either, as the judge
 * the SDK's checker must agree with.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import fc from 'fast-check';

type Schema = Record<string, unknown>;

export const document = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8')) as {
  components: { schemas: Record<string, Schema>; examples: Record<string, { value: unknown }> };
  paths: Record<string, Record<string, Schema>>;
};
const { schemas } = document.components;
const resolve = (schema: Schema): Schema =>
  typeof schema.$ref === 'string' ? resolve(schemas[schema.$ref.split('/').at(-1)!]!) : schema;

/** The JSON body schema of an operation, by method and path. */
export function bodySchema(method: string, path: string): Schema {
  const { requestBody } = document.paths[path]![method] as {
    requestBody: { content: Record<string, { schema: Schema }> };
  };
  return requestBody.content['application/json']!.schema;
}

/** The request body examples of an operation, resolved. */
export function bodyExamples(method: string, path: string): Record<string, unknown> {
  const { requestBody } = document.paths[path]![method] as {
    requestBody: { content: Record<string, { examples: Record<string, Schema> }> };
  };
  const examples = requestBody.content['application/json']!.examples;
  return Object.fromEntries(
    Object.entries(examples).map(([name, example]) => [
      name,
      // An example written in place, or a $ref to one of the components.
      'value' in example ? example.value : document.components.examples[String(example.$ref).split('/').at(-1)!]!.value,
    ]),
  );
}

/** Any value the schema allows, kept small: at most 3 items and 20 characters where the schema allows more. */
export function valid(schema: Schema): fc.Arbitrary<unknown> {
  const s = resolve(schema);
  if (Array.isArray(s.enum)) return fc.constantFrom(...s.enum);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  if (type === 'boolean') return fc.boolean();
  if (type === 'integer') return fc.integer({ min: Number(s.minimum ?? -1e6), max: Number(s.maximum ?? 1e6) });
  if (type === 'string') {
    if (s.format === 'email') return fc.emailAddress().filter((email) => email.length <= Number(s.maxLength ?? 1e9));
    if (s.format === 'uri') return fc.webUrl();
    return fc.string({
      minLength: Number(s.minLength ?? 0),
      maxLength: Math.min(Number(s.maxLength ?? 20), 20),
      unit: 'grapheme',
    });
  }
  if (type === 'array') {
    return fc.array(valid(s.items as Schema), {
      minLength: Number(s.minItems ?? 0),
      maxLength: Math.min(Number(s.maxItems ?? 3), 3),
    });
  }
  const properties = (s.properties ?? {}) as Record<string, Schema>;
  if (typeof s.additionalProperties === 'object' && !Object.keys(properties).length) {
    const keys = fc.string({ minLength: 1, maxLength: 10 }).filter((key) => key !== '__proto__');
    return fc.dictionary(keys, valid(s.additionalProperties as Schema), { maxKeys: 3 });
  }
  const required = (s.required ?? []) as string[];
  const record = Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, valid(p)]));
  return fc.record(record, { requiredKeys: required });
}

/** A value with one thing broken somewhere: a wrong type, a bound passed, a required field gone or an unknown one. */
export function broken(schema: Schema): fc.Arbitrary<unknown> {
  const wrong = fc.oneof(
    fc.constant(null),
    fc.constant(-1),
    fc.constant(1.5),
    fc.constant(''),
    fc.constant('x'.repeat(6000)),
    fc.constant([]),
    fc.constant({}),
    fc.constant(true),
  );
  return fc
    .tuple(valid(schema), wrong, fc.nat(), fc.constantFrom('replace', 'delete', 'add'))
    .map(([value, bad, pick, how]) => {
      const copy = structuredClone(value);
      const holders: [Record<string, unknown> | unknown[], string | number][] = [];
      const visit = (node: unknown): void => {
        if (!node || typeof node !== 'object') return;
        for (const [key, item] of Object.entries(node)) {
          holders.push([node as Record<string, unknown>, Array.isArray(node) ? Number(key) : key]);
          visit(item);
        }
      };
      visit(copy);
      if (!holders.length || how === 'add') {
        const objects = holders
          .map(([holder, key]) => (holder as Record<string, unknown>)[key as string])
          .filter((v) => v && typeof v === 'object' && !Array.isArray(v));
        const target = (objects[pick % (objects.length + 1)] ?? copy) as Record<string, unknown>;
        if (target && typeof target === 'object') target.unexpected_field = bad;
        return copy;
      }
      const [holder, key] = holders[pick % holders.length]!;
      if (how === 'delete' && !Array.isArray(holder)) delete holder[key as string];
      else (holder as Record<string | number, unknown>)[key] = bad;
      return copy;
    });
}

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv, { mode: 'fast', formats: ['email', 'uri', 'date-time'] });
// OpenAPI's integer sizes, as JSON Schema leaves them to the validator: a 32-bit integer, a safe one.
ajv.addFormat('int32', { type: 'number', validate: (n: number) => n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
ajv.addSchema({
  $id: 'loops',
  $defs: JSON.parse(JSON.stringify(schemas).replaceAll('"#/components/schemas/', '"#/$defs/')),
});

// Compiled once per schema: compiling is what an Ajv check costs (some 10 ms), not validating.
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** Where Ajv says value breaks schema, as the SDK names places (`line_items[0].quantity`); empty when valid. */
export function ajvProblems(schema: Schema, value: unknown): string[] {
  const name = String(schema.$ref).split('/').at(-1)!;
  if (!validators.has(name)) validators.set(name, ajv.compile({ $ref: `loops#/$defs/${name}` }));
  const validate = validators.get(name)!;
  if (validate(value)) return [];
  return (validate.errors ?? []).map((error: ErrorObject) => {
    const steps = error.instancePath
      .split('/')
      .slice(1)
      .map((step) => step.replaceAll('~1', '/').replaceAll('~0', '~'));
    const extra = error.params as { missingProperty?: string; additionalProperty?: string };
    const last = extra.missingProperty ?? extra.additionalProperty;
    if (last !== undefined) steps.push(last);
    return steps.reduce(
      (path, step) =>
        /^\d+$/.test(step)
          ? `${path}[${step}]`
          : /^[A-Za-z_$][\w$]*$/.test(step)
            ? path
              ? `${path}.${step}`
              : step
            : `${path}[${JSON.stringify(step)}]`,
      '',
    );
  });
}
