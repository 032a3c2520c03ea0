/**
 * Renders the SDK's public surface from the spec: a class per resource with a method per operation
 * (named by `x-sdk-method`, such as `checkout.sessions.list`), the `Loops` client that holds them,
 * and a type per component schema and per operation's parameters. Each method only calls the
 * hand-written engine (src/engine.ts) with its operation's entry in generated/operations.ts.
 */
import { componentName, type Json, operationsOf, pascal, type SpecOperation } from './document.js';
import { docComment } from './tsdoc.js';

/** Where an operation's method lives: `checkout.sessions.list` → resource checkout.sessions, method list. */
export interface Placement {
  resource: string[];
  method: string;
}

/** An operation's method, from `x-sdk-method`; without one, a method named by its operationId on the client. */
export function placementOf({ operation, id }: SpecOperation): Placement {
  const named = operation['x-sdk-method'];
  if (named === undefined) return { resource: [], method: id };
  if (typeof named !== 'string' || !/^([a-z][A-Za-z\d]*\.)*[a-z][A-Za-z\d]*$/.test(named)) {
    throw new Error(`${id}: x-sdk-method ${JSON.stringify(named)} is not a dotted path of camelCase names`);
  }
  const parts = named.split('.');
  return { resource: parts.slice(0, -1), method: parts.at(-1)! };
}

/** The TypeScript name of an operation's query parameters: `x-sdk-params-type`, else `<OperationId>Params`. */
export function paramsTypeOf({ operation, id }: SpecOperation): string {
  return (operation['x-sdk-params-type'] as string | undefined) ?? `${pascal(id)}Params`;
}

// Schema names that would hide a global of JavaScript where the SDK's types are used.
const globals = new Set(['Error', 'Object', 'Array', 'Date', 'Map', 'Set', 'Promise', 'Response', 'Request', 'URL']);

/** The TypeScript name of a component schema: its own, with `Body` after one a global has (`ErrorBody`). */
export const typeNameOf = (document: Json, name: string) => {
  void document;
  return globals.has(name) ? `${name}Body` : name;
};

const lines = (...parts: (string | false | undefined)[]) => parts.filter((part) => typeof part === 'string').join('\n');

/** One argument of a generated method: its name, its type as the code and as a reader writes it, and whether it may be left out. */
export interface Argument {
  kind: 'path' | 'body' | 'params' | 'options';
  name: string;
  type: string;
  /** The type as a reader writes it: `string` for a path parameter rather than its indexed type. */
  shown: string;
  optional: boolean;
}

/** What a generated method takes and returns, and the type names it needs. */
export interface Signature {
  args: Argument[];
  returns: string;
  types: Set<string>;
}

const jsTypes: Record<string, string> = { integer: 'number', number: 'number', boolean: 'boolean' };
const jsType = (schema: Json | undefined) => jsTypes[String(schema?.type)] ?? 'string';

/** An operation's method signature: path parameters in order, its JSON body, its query parameters, then per-call options. */
export function signatureOf(document: Json, spec: SpecOperation): Signature {
  const { operation, id, parameters } = spec;
  const types = new Set<string>();
  const args: Argument[] = [];
  for (const p of parameters.filter((p) => p.in === 'path')) {
    const type = `operations['${id}']['parameters']['path']['${p.name}']`;
    args.push({ kind: 'path', name: p.name, type, shown: jsType(p.schema), optional: false });
  }
  const requestBody = operation.requestBody as Json | undefined;
  if (requestBody) {
    const schema = ((requestBody.content as Json)['application/json'] as Json).schema;
    const component = componentName(schema);
    const type = component ? typeNameOf(document, component) : `${pascal(id)}Body`;
    types.add(type);
    args.push({ kind: 'body', name: 'body', type, shown: type, optional: requestBody.required !== true });
  }
  const query = parameters.filter((p) => p.in === 'query');
  if (query.length) {
    const type = paramsTypeOf(spec);
    types.add(type);
    args.push({ kind: 'params', name: 'params', type, shown: type, optional: !query.some((p) => p.required) });
  }
  const paging = operation['x-pagination'] as Json | undefined;
  const options = paging ? 'ListOptions' : requestOptionsType(spec);
  args.push({ kind: 'options', name: 'options', type: options, shown: options, optional: true });
  const success = typeNameOf(document, successComponent(spec));
  types.add(success);
  if (!paging) return { args, returns: `APIPromise<${success}>`, types };
  const item = itemType(document, successComponent(spec), paging.itemsField as string);
  types.add(item);
  const next = paging.style === 'offset' ? ', Record<string, number>' : '';
  return { args, returns: `PagePromise<${item}, ${success}${next}>`, types };
}

/** One method of a resource class, and the type names it needs. */
function renderMethod(document: Json, spec: SpecOperation, place: Placement): { code: string; types: Set<string> } {
  const { args, returns, types } = signatureOf(document, spec);
  const call: string[] = [];
  const pathParams = args.filter((arg) => arg.kind === 'path');
  if (pathParams.length) call.push(`path: { ${pathParams.map((arg) => arg.name).join(', ')} }`);
  if (args.some((arg) => arg.kind === 'body')) call.push('body');
  if (args.some((arg) => arg.kind === 'params')) call.push('query: params');
  // An optional body or query object defaults to {}; the options always do.
  const declared = args.map((arg) => `${arg.name}: ${arg.type}${arg.optional ? ' = {}' : ''}`);
  const engine = spec.operation['x-pagination'] ? 'list' : 'call';
  const body = `return this.#engine.${engine}(operationMetadata.${spec.id}, { ${call.join(', ')} }, options);`;
  const docs = docComment(document, spec);
  const code = lines(docs, `  ${place.method}(${declared.join(', ')}): ${returns} {`, `    ${body}`, '  }');
  return { code, types };
}

function requestOptionsType({ operation, parameters }: SpecOperation): string {
  void operation;
  return parameters.some((p) => p.in === 'header') ? 'IdempotentRequestOptions' : 'RequestOptions';
}

function successComponent({ operation, id }: SpecOperation): string {
  const responses = operation.responses as Record<string, Json>;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code))!;
  const content = (responses[status]!.content as Json | undefined)?.['application/json'] as Json | undefined;
  const name = componentName(content?.schema);
  if (!name) throw new Error(`${id}: the 2xx schema must be a component`);
  return name;
}

/** The item type of a list: the component its items field's items refer to, or an indexed type. */
function itemType(document: Json, list: string, field: string): string {
  const schema = ((document.components as Json).schemas as Record<string, { properties: Json }>)[list]!;
  const items = (schema.properties[field] as Json).items;
  const component = componentName(items);
  return component ? typeNameOf(document, component) : `${typeNameOf(document, list)}['${field}'][number]`;
}

/** The class name of a resource: `checkout.sessions` → `CheckoutSessions`. */
export const resourceClass = (resource: string[]) => resource.map(pascal).join('');

/** Every resource's class, keyed by its dotted path, with the methods of its operations. */
export function renderResources(document: Json) {
  const resources = new Map<string, { methods: string[]; types: Set<string>; description?: string }>();
  for (const spec of operationsOf(document)) {
    const place = placementOf(spec);
    const key = place.resource.join('.');
    const resource = resources.get(key) ?? { methods: [], types: new Set<string>() };
    const { code, types } = renderMethod(document, spec, place);
    if (resource.methods.some((method) => method.includes(`\n  ${place.method}(`))) {
      throw new Error(`${spec.id}: ${key || 'the client'} has two methods named ${place.method}`);
    }
    resource.methods.push(code);
    for (const type of types) resource.types.add(type);
    resources.set(key, resource);
  }
  return resources;
}
