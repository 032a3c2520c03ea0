/**
 * The files of generated/sdk/: the SDK's public surface, rendered from the spec. `resources.ts`
 * holds a class per resource, `client.ts` the client that holds them, `types.ts` the public type
 * names. src/index.ts exports them beside the engine's own exports.
 */
import { type Json, operationsOf, pascal, type SpecOperation } from './document.js';
import { paramsTypeOf, placementOf, renderResources, resourceClass, typeNameOf } from './sdk.js';

/** The client class the package exports. */
const clientName = 'Loops';

function renderTypes(document: Json): string {
  const schemas = Object.keys((document.components as { schemas: Json }).schemas);
  const out = [
    "import { Page as PageClass, type PageOf, type PageParams } from '../../src/page.js';",
    "import { PagePromise as PagePromiseClass } from '../../src/pagination.js';",
    "import type { components, operations } from '../schema.js';",
    '',
    "export type { components, operations, paths } from '../schema.js';",
    '',
  ];
  for (const name of schemas) out.push(`export type ${typeNameOf(document, name)} = components['schemas']['${name}'];`);
  const parameters = (document.components as { parameters?: Record<string, Json> }).parameters ?? {};
  for (const [name, parameter] of Object.entries(parameters)) {
    const type = parameter['x-sdk-type'];
    if (typeof type === 'string') out.push(`export type ${type} = components['parameters']['${name}'];`);
  }
  const lists: SpecOperation[] = [];
  for (const spec of operationsOf(document)) {
    if (spec.parameters.some((p) => p.in === 'query')) {
      out.push(
        `/** The query parameters of \`${spec.id}\`, exactly as the spec declares them. */`,
        `export type ${paramsTypeOf(spec)} = NonNullable<operations['${spec.id}']['parameters']['query']>;`,
      );
    }
    if (spec.operation['x-pagination']) lists.push(spec);
  }
  // Page and PagePromise without type arguments stand for the first list of the spec, as before
  // lists of other items existed.
  const first = lists[0];
  const list = first && typeNameOf(document, successOf(first));
  const defaults = list ? ` = ${list}['${(first!.operation['x-pagination'] as Json).itemsField}'][number]` : '';
  out.push(
    '/** One page of a list: the list object as the API sent it, plus paging helpers. */',
    `export type Page<Item${defaults}, List${list ? ` = ${list}` : ''}, Next extends PageParams = Record<string, string>> = PageOf<Item, List, Next>;`,
    'export const Page = PageClass;',
    '/** What a list method returns: a promise of its first page, and an async iterable over every item. */',
    `export type PagePromise<Item${defaults}, List${list ? ` = ${list}` : ''}, Next extends PageParams = Record<string, string>> = PagePromiseClass<Item, List, Next>;`,
    'export const PagePromise = PagePromiseClass;',
  );
  return `${out.join('\n')}\n`;
}

function successOf({ operation }: SpecOperation): string {
  const responses = operation.responses as Record<string, Json>;
  const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code))!;
  const content = (responses[status]!.content as Json)['application/json'] as { schema: { $ref: string } };
  return content.schema.$ref.split('/').at(-1)!;
}

/** What a file of generated methods imports: the operation table, the engine's types, and the spec's types it names. */
function methodImports(types: Set<string>, from: string): string[] {
  return [
    "import { operationMetadata } from '../operations.js';",
    "import type { APIPromise } from '../../src/api-promise.js';",
    "import type { Engine, IdempotentRequestOptions } from '../../src/engine.js';",
    "import type { ListOptions, PagePromise } from '../../src/pagination.js';",
    "import type { RequestOptions } from '../../src/request.js';",
    "import type { operations } from '../schema.js';",
    ...(types.size ? [`import type { ${[...types].sort().join(', ')} } from '${from}';`] : []),
  ];
}

function renderResourceFile(document: Json): string {
  const resources = renderResources(document);
  const types = new Set<string>();
  const classes: string[] = [];
  for (const [key, resource] of resources) {
    if (!key) continue;
    for (const type of resource.types) types.add(type);
    const tag = key.split('.').map(pascal).join(' ');
    classes.push(
      [
        `/** \`${clientName.toLowerCase()}.${key}\`: the ${tag.toLowerCase()} operations of the API. */`,
        `export class ${resourceClass(key.split('.'))} {`,
        '  readonly #engine: Engine;',
        '',
        '  constructor(engine: Engine) {',
        '    this.#engine = engine;',
        '  }',
        '',
        resource.methods.join('\n\n'),
        '}',
      ].join('\n'),
    );
  }
  return `${methodImports(types, './types.js').join('\n')}\n\n${classes.join('\n\n')}\n`;
}

/** The client's resource tree: `{ checkout: { sessions: new CheckoutSessions(engine) } }`. */
function renderClient(document: Json): string {
  const tree: Json = {};
  for (const spec of operationsOf(document)) {
    const { resource } = placementOf(spec);
    let node = tree;
    for (const [i, part] of resource.entries()) {
      const last = i === resource.length - 1;
      node[part] ??= last ? resourceClass(resource) : {};
      if ((typeof node[part] === 'string') !== last) throw new Error(`${spec.id}: ${part} is a resource and a group`);
      node = node[part] as Json;
    }
  }
  const type = (node: Json | string): string =>
    typeof node === 'string'
      ? node
      : `{ ${Object.entries(node)
          .map(([k, v]) => `readonly ${k}: ${type(v as Json)}`)
          .join('; ')} }`;
  const value = (node: Json | string): string =>
    typeof node === 'string'
      ? `new ${node}(engine)`
      : `{ ${Object.entries(node)
          .map(([k, v]) => `${k}: ${value(v as Json)}`)
          .join(', ')} }`;
  const classes = new Set<string>();
  const collect = (node: Json | string): void => {
    if (typeof node === 'string') classes.add(node);
    else for (const child of Object.values(node)) collect(child as Json);
  };
  collect(tree);
  const title = String((document.info as Json).title);
  // Operations without x-sdk-method are methods of the client itself, named by their operationId.
  const own = renderResources(document).get('') ?? { methods: [], types: new Set<string>() };
  return [
    "import { engineOf, LoopsClient } from '../../src/client-core.js';",
    "import type { ClientOptions } from '../../src/options.js';",
    ...(classes.size ? [`import { ${[...classes].sort().join(', ')} } from './resources.js';`] : []),
    ...(own.methods.length ? methodImports(own.types, './types.js') : []),
    '',
    `/** The ${title} client: ${Object.keys(tree)
      .map((k) => `\`${clientName.toLowerCase()}.${k}\``)
      .join(', ')}, and \`raw\`. */`,
    `export class ${clientName} extends LoopsClient {`,
    ...Object.entries(tree).map(([k, v]) => `  readonly ${k}: ${type(v as Json)};`),
    ...(own.methods.length ? ['  readonly #engine: Engine;'] : []),
    '',
    '  constructor(options: ClientOptions = {}) {',
    '    super(options);',
    '    const engine = engineOf(this);',
    ...(own.methods.length ? ['    this.#engine = engine;'] : []),
    ...Object.entries(tree).map(([k, v]) => `    this.${k} = ${value(v as Json)};`),
    '  }',
    ...own.methods.map((method) => `\n${method}`),
    '}',
    '',
  ].join('\n');
}

/** generated/sdk/'s files, by name. */
export function renderSdk(document: Json): [string, string][] {
  return [
    ['sdk/types.ts', renderTypes(document)],
    ['sdk/resources.ts', renderResourceFile(document)],
    ['sdk/client.ts', renderClient(document)],
  ];
}
