/**
 * Checks an HTTP answer against what generated/openapi.json declares for it, strictly: every object
 * schema that does not say otherwise is closed (additionalProperties: false), so a field the spec
 * does not declare is a finding; every header the spec declares must validate, and any other
 * header beyond HTTP's own is a finding too.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

type Json = Record<string, unknown>;
interface Response {
  content?: Record<string, { schema: Json }>;
  headers?: Record<string, { schema: Json } | { $ref: string }>;
}

const document = JSON.parse(readFileSync(new URL('../../generated/openapi.json', import.meta.url), 'utf8')) as {
  paths: Record<
    string,
    Record<string, { operationId?: string; responses: Record<string, Response | { $ref: string }> }>
  >;
  components: Record<string, Record<string, unknown>>;
};

/** Headers any HTTP answer may carry that no API spec declares. */
const httpHeaders = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive', 'allow']);

const schemaMaps = ['properties', 'patternProperties', '$defs'];
const subschemas = ['items', 'additionalProperties', 'not', 'contains', 'if', 'then', 'else'];
const schemaLists = ['anyOf', 'oneOf', 'allOf', 'prefixItems'];

/** schema with additionalProperties: false on every object schema that does not set it. */
function closed(schema: unknown): unknown {
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Json = { ...schema };
  for (const [key, value] of Object.entries(schema)) {
    if (schemaMaps.includes(key)) {
      copy[key] = Object.fromEntries(Object.entries(value as Json).map(([name, sub]) => [name, closed(sub)]));
    } else if (subschemas.includes(key)) copy[key] = closed(value);
    else if (schemaLists.includes(key)) copy[key] = (value as unknown[]).map(closed);
  }
  const types = ([] as unknown[]).concat((schema as Json).type ?? []);
  const isObject = types.includes('object') || 'properties' in schema;
  if (isObject && !('additionalProperties' in schema) && !('unevaluatedProperties' in schema)) {
    copy.additionalProperties = false;
  }
  return copy;
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats.default(ajv);
ajv.addFormat('unix-time', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= 0 });
// The spec's schemas, closed, as one JSON Schema whose $defs their $refs point at.
const toDefs = (text: string) => text.replaceAll('"#/components/schemas/', '"loops-closed#/$defs/');
const schemas = JSON.parse(toDefs(JSON.stringify(closed({ $defs: document.components.schemas }))));
ajv.addSchema({ $id: 'loops-closed', ...schemas });

const resolve = <T>(node: T | { $ref: string }): T => {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node as T;
  const [, kind, name] = ref.split('/').slice(1);
  return resolve((document.components[kind!] as Record<string, T>)[name!]!);
};
const compiled = new Map<string, ValidateFunction>();
/** A validator for a schema of the spec, its $refs to the closed components; compiled once. */
function compile(schema: unknown): ValidateFunction {
  const text = toDefs(JSON.stringify(schema));
  const validate = compiled.get(text) ?? ajv.compile(JSON.parse(text) as Json);
  compiled.set(text, validate);
  return validate;
}
const operations = Object.values(document.paths).flatMap((item) => Object.values(item).filter((op) => op.operationId));

/** A header value as the schema's type: "2" may be the integer 2, "true" the boolean true. */
function validHeader(validate: ValidateFunction, text: string): boolean {
  const candidates: unknown[] = [text];
  if (/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text)) candidates.push(Number(text));
  if (text === 'true' || text === 'false') candidates.push(text === 'true');
  return candidates.some((candidate) => validate(candidate));
}

/** The response an operation declares for status: its own code, its range (4XX), or default. */
export function declaredResponse(operationId: string, status: number): { key: string; response: Response } {
  const operation = operations.find((op) => op.operationId === operationId);
  if (!operation) throw new Error(`the spec has no operation ${operationId}`);
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((code) => code in operation.responses);
  if (!key) throw new Error(`${operationId} declares no response for ${status}`);
  return { key, response: resolve(operation.responses[key]!) };
}

/** The statuses an operation declares by number, such as 200, 400 and 429. */
export function declaredStatuses(operationId: string): number[] {
  const operation = operations.find((op) => op.operationId === operationId);
  return Object.keys(operation?.responses ?? {})
    .filter((code) => /^\d{3}$/.test(code))
    .map(Number);
}

/** The headers a response declares, lower-cased. */
export function declaredHeaders(response: Response): string[] {
  return Object.keys(response.headers ?? {}).map((name) => name.toLowerCase());
}

/** What an answer does that its declared response does not allow; empty when it conforms. */
export function findings(response: Response, status: number, headers: Headers, text: string): string[] {
  const found: string[] = [];
  const declared = new Map(
    Object.entries(response.headers ?? {}).map(([name, header]) => [name.toLowerCase(), resolve(header)]),
  );
  for (const [name, value] of headers) {
    const header = declared.get(name);
    if (header) {
      if (!validHeader(compile(header.schema), value))
        found.push(`header ${name}: ${JSON.stringify(value)} is not what the spec declares`);
    } else if (!httpHeaders.has(name)) {
      found.push(`header ${name} is not declared for ${status}`);
    }
  }
  const type = headers.get('content-type')?.split(';')[0] ?? '';
  const content = response.content?.[type];
  if (!content) return [...found, `content type ${JSON.stringify(type)} is not declared for ${status}`];
  const validate = compile(content.schema);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...found, `body is not JSON: ${text.slice(0, 100)}`];
  }
  if (!validate(body))
    found.push(
      ...(validate.errors ?? []).map((e) => `body ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`),
    );
  return found;
}

/** The spec's error response, for answers outside any operation (an unknown path, a wrong method). */
export const errorResponse: Response = declaredResponse(operations[0]!.operationId!, 599).response;
