/**
 * Derives generated/catalog.ts: for each operation, what the CLI, the MCP server and the SDK
 * reference need to name and describe it (where its method lives, its CLI command, summary,
 * description, each parameter and the body with their descriptions, as plain JSON Schema with every
 * `$ref` resolved). Out of the SDK's bundle: the SDK itself needs only generated/operations.ts.
 */
import { type Json, operationsOf, resolveRef, type SpecOperation } from './document.js';
import { placementOf } from './sdk.js';

const kebab = (name: string) => name.replace(/([a-z\d])([A-Z])/g, '$1-$2').toLowerCase();

/** schema with every `$ref` replaced by what it points at, examples kept, extensions dropped. */
function inline(document: Json, schema: unknown, seen: string[] = []): unknown {
  if (Array.isArray(schema)) return schema.map((item) => inline(document, item, seen));
  if (!schema || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: string }).$ref;
  if (ref) {
    if (seen.includes(ref)) throw new Error(`${ref} refers to itself: the catalog cannot inline it`);
    return inline(document, resolveRef(document, schema), [...seen, ref]);
  }
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !key.startsWith('x-'))
      .map(([key, value]) => [
        key,
        key === 'properties' ? inlineEach(document, value as Json, seen) : inline(document, value, seen),
      ]),
  );
}

const inlineEach = (document: Json, properties: Json, seen: string[]) =>
  Object.fromEntries(Object.entries(properties).map(([name, schema]) => [name, inline(document, schema, seen)]));

/** The CLI command of an operation: the last resource and the method (`sessions list`), or its operationId in kebab case. */
export function commandOf(spec: SpecOperation): string[] {
  const { resource, method } = placementOf(spec);
  return resource.length ? [resource.at(-1)!, kebab(method)] : [kebab(spec.id)];
}

function entry(document: Json, spec: SpecOperation): Json {
  const { operation, method } = spec;
  const { resource, method: name } = placementOf(spec);
  const requestBody = resolveRef<Json | undefined>(document, operation.requestBody);
  const json = (requestBody?.content as Json | undefined)?.['application/json'] as Json | undefined;
  return {
    method,
    path: spec.path,
    resource,
    sdkMethod: name,
    command: commandOf(spec),
    summary: operation.summary ?? spec.id,
    description: String(operation.description ?? '').trim(),
    writes: !['GET', 'HEAD', 'OPTIONS'].includes(method),
    paginated: Boolean(operation['x-pagination']),
    parameters: spec.parameters
      .filter((p) => p.in !== 'header')
      .map((p) => ({
        name: p.name,
        in: p.in,
        required: p.required === true,
        description: String(p.description ?? '').trim(),
        schema: inline(document, p.schema),
      })),
    ...(json && {
      body: {
        required: requestBody!.required === true,
        description: String(requestBody!.description ?? '').trim(),
        schema: inline(document, json.schema),
      },
    }),
    ...(spec.parameters.some((p) => p.in === 'header') && { idempotencyKey: true }),
    ...(Array.isArray(operation['x-cli-columns']) && { columns: operation['x-cli-columns'] }),
  };
}

export function renderCatalog(document: Json): string {
  const entries = Object.fromEntries(operationsOf(document).map((spec) => [spec.id, entry(document, spec)]));
  const commands = new Map<string, string>();
  for (const [id, value] of Object.entries(entries)) {
    const command = (value.command as string[]).join(' ');
    if (commands.has(command))
      throw new Error(`${id} and ${commands.get(command)} would both be the CLI command ${command}`);
    commands.set(command, id);
  }
  return `/** Every operation of the spec, named and described: for the CLI, the MCP server and the SDK reference. */
export const catalog = ${JSON.stringify(entries, null, 2)} as const;
`;
}
