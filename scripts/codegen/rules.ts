/**
 * The run-time rules of parameters and bodies: each schema cut down to the JSON Schema keywords the
 * SDK's checker (src/schema-check.ts) and the fake server enforce, with no descriptions or examples,
 * so that what ships in the SDK's bundle is only what it checks.
 */
import { checkedFormats } from '../../src/schema-check.js';
import { componentName, type Json, type Parameter } from './document.js';

/** The keywords a parameter's rule keeps: what the run-time checks enforce, and the default. */
const paramKeywords = ['type', 'enum', 'minimum', 'maximum', 'minLength', 'maxLength', 'pattern', 'default'];

/** A parameter's rule: its schema's checked keywords, and whether it is required. */
export function paramRule(parameter: Parameter): Json {
  const kept = Object.fromEntries(
    paramKeywords.filter((key) => key in parameter.schema).map((key) => [key, parameter.schema[key]]),
  );
  if (typeof kept.type !== 'string') throw new Error(`parameter ${parameter.name} needs a single schema type`);
  return parameter.required ? { ...kept, required: true } : kept;
}

const valueKeywords = [
  'type',
  'enum',
  'const',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'pattern',
  'format',
  'required',
  'minItems',
  'maxItems',
  'maxProperties',
];
const schemaKeywords = ['properties', 'additionalProperties', 'items', 'anyOf', 'oneOf'];

/**
 * schema with only the keywords the checker reads, its subschemas cut down the same way, and each
 * `$ref` to a component reduced to the component's name, which `uses` collects.
 */
export function bodyRule(schema: unknown, uses: Set<string>): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  const name = componentName(schema);
  if (name) {
    uses.add(name);
    return { $ref: name };
  }
  const node = schema as Json;
  const kept: Json = {};
  for (const key of valueKeywords) if (key in node) kept[key] = node[key];
  if (typeof node.format === 'string' && !checkedFormats.includes(node.format)) {
    console.warn(
      `Note: format ${node.format} is not checked before sending (the SDK checks ${checkedFormats.join(', ')}).`,
    );
  }
  for (const key of schemaKeywords) {
    if (!(key in node)) continue;
    const value = node[key];
    if (key === 'properties') {
      kept[key] = Object.fromEntries(Object.entries(value as Json).map(([p, s]) => [p, bodyRule(s, uses)]));
    } else if (Array.isArray(value)) {
      kept[key] = value.map((s) => bodyRule(s, uses));
    } else {
      kept[key] = bodyRule(value, uses);
    }
  }
  return kept;
}

/** Every component schema the rules name, and those they name in turn, each cut down. */
export function componentRules(document: Json, uses: Set<string>): Json {
  const schemas = (document.components as { schemas: Json }).schemas;
  const rules: Json = {};
  const pending = [...uses];
  while (pending.length) {
    const name = pending.shift()!;
    if (name in rules) continue;
    const more = new Set<string>();
    rules[name] = bodyRule(schemas[name], more);
    pending.push(...more);
  }
  return Object.fromEntries(
    Object.keys(rules)
      .sort()
      .map((name) => [name, rules[name]]),
  );
}
