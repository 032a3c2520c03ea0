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

/** One method of a resource class, and the type names it needs. */
function renderMethod(document: Json, spec: SpecOperation, place: Placement): { code: string; types: Set<string> } {
  const { operation, id, parameters } = spec;
  const types = new Set<string>();
  const args: string[] = [];
  const call: string[] = [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  for (const p of pathParams) args.push(`${p.name}: operations['${id}']['parameters']['path']['${p.name}']`);
  if (pathParams.length) call.push(`path: { ${pathParams.map((p) => p.name).join(', ')} }`);
  const requestBody = operation.requestBody as Json | undefined;
  if (requestBody) {
    const schema = ((requestBody.content as Json)['application/json'] as Json).schema;
    const component = componentName(schema);
    const type = component ? typeNameOf(document, component) : `${pascal(id)}Body`;
    types.add(type);
    args.push(`body: ${type}${requestBody.required === true ? '' : ' = {}'}`);
    call.push('body');
  }
  const query = parameters.filter((p) => p.in === 'query');
  if (query.length) {
    const type = paramsTypeOf(spec);
    types.add(type);
    args.push(`params: ${type}${query.some((p) => p.required) ? '' : ' = {}'}`);
    call.push('query: params');
  }
  const paging = operation['x-pagination'] as Json | undefined;
  const options = paging ? 'ListOptions' : requestOptionsType(spec);
  args.push(`options: ${options} = {}`);
  const success = successComponent(spec);
  types.add(typeNameOf(document, success));
  let returns: string;
  let body: string;
  if (paging) {
    const list = typeNameOf(document, success);
    const item = itemType(document, success, paging.itemsField as string);
    types.add(item);
    const next = paging.style === 'offset' ? ', Record<string, number>' : '';
    returns = `PagePromise<${item}, ${list}${next}>`;
    body = `return this.#engine.list(operationMetadata.${id}, { ${call.join(', ')} }, options);`;
  } else {
    returns = `APIPromise<${typeNameOf(document, success)}>`;
    body = `return this.#engine.call(operationMetadata.${id}, { ${call.join(', ')} }, options);`;
  }
  const docs = docComment(document, spec);
  const code = lines(docs, `  ${place.method}(${args.join(', ')}): ${returns} {`, `    ${body}`, '  }');
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
