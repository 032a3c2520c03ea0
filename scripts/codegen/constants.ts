/**
 * Derives the runtime facts the SDK needs from the bundled spec, so that a change in spec/ (the
 * cursor's wire name, the status values, the limit bounds) reaches the SDK through codegen alone.
 */
type Json = Record<string, unknown>;

interface Parameter {
  name: string;
  in: string;
  schema: Json;
  'x-loops-cursor'?: boolean;
}

function resolveRef<T>(document: Json, node: unknown): T {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node as T;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, key) => (at as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  return resolveRef<T>(document, target);
}

function listOperation(document: Json): Json {
  for (const pathItem of Object.values(document.paths as Json)) {
    const get = (pathItem as Json).get as Json | undefined;
    if (get?.operationId === 'listCheckoutSessions') return get;
  }
  throw new Error('spec/ has no operation listCheckoutSessions');
}

function queryParameter(parameters: Parameter[], match: (p: Parameter) => boolean, what: string): Parameter {
  const found = parameters.find((p) => p.in === 'query' && match(p));
  if (!found) throw new Error(`listCheckoutSessions has no ${what} query parameter`);
  return found;
}

export function renderConstants(document: Json): string {
  const operation = listOperation(document);
  const parameters = (operation.parameters as unknown[]).map((p) => resolveRef<Parameter>(document, p));
  const cursor = queryParameter(parameters, (p) => p['x-loops-cursor'] === true, 'cursor (x-loops-cursor)');
  const status = queryParameter(parameters, (p) => p.name === 'status', 'status');
  const limit = queryParameter(parameters, (p) => p.name === 'limit', 'limit');
  const servers = document.servers as Array<{ url: string }>;
  const [path] = Object.entries(document.paths as Json).find(([, item]) => (item as Json).get === operation)!;

  const constants = {
    defaultBaseUrl: servers[0]!.url,
    listPath: path,
    cursorParam: cursor.name,
    statusValues: status.schema.enum,
    limitBounds: { minimum: limit.schema.minimum, maximum: limit.schema.maximum, default: limit.schema.default },
  };
  const lines = Object.entries(constants).map(
    ([name, value]) => `export const ${name} = ${JSON.stringify(value)} as const;`,
  );
  return `${lines.join('\n')}\n`;
}
