/**
 * A bundled spec with its local `$ref`s replaced by what they point to: the document as a client
 * meets it. check:breaking diffs these, not the bundles, because api-smart-diff's rules read the
 * node at a difference's path: an added parameter that is `{ $ref }` has no `required` to read, so
 * a new required parameter written the way this spec writes every parameter passed as harmless.
 */
export type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null;

/** The node a local JSON pointer (`#/components/parameters/Limit`) names, or undefined. */
export function pointAt(document: Json, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  let node: unknown = document;
  for (const part of ref.slice(2).split('/')) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isObject(node) ? node[key] : undefined;
  }
  return node;
}

/**
 * A copy of document in which every local `$ref` is replaced by a copy of its target, with the
 * `$ref`'s sibling keys (a `description`, say) laid over it, as OpenAPI 3.1 reads them. A `$ref`
 * back into a schema it sits in (a recursive schema) is left as it is: api-smart-diff follows
 * those itself, and copying would never end. A `$ref` to another file or a missing target is left
 * as it is too; bundles have neither. So is a `$ref` to an example: examples change nothing a
 * client may send or receive, and copying them into every place that shows them would only slow
 * the diff down.
 */
export function resolveRefs(document: Json): Json {
  const walk = (node: unknown, open: readonly string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, open));
    if (!isObject(node)) return node;
    const { $ref, ...siblings } = node;
    if (typeof $ref === 'string' && !open.includes($ref) && !$ref.startsWith('#/components/examples/')) {
      const target = pointAt(document, $ref);
      if (isObject(target)) {
        const resolved = walk(target, [...open, $ref]) as Json;
        return { ...resolved, ...(walk(siblings, open) as Json) };
      }
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, open)]));
  };
  return walk(document, []) as Json;
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/**
 * document (resolved) with each path's own `parameters` moved into each of its operations, after
 * the operation's own (which win over one of the same name and place), as api-smart-diff merges
 * them: so that a difference's path finds its parameter in the document.
 */
export function parametersPerOperation(document: Json): Json {
  const paths = Object.entries((document.paths ?? {}) as Record<string, Json>).map(([route, item]) => {
    const { parameters: shared = [], ...rest } = item as Json & { parameters?: Json[] };
    const operations = Object.entries(rest).map(([key, operation]) => {
      if (!methods.includes(key) || !isObject(operation)) return [key, operation];
      const own = (operation.parameters ?? []) as Json[];
      const inherited = shared.filter((p) => !own.some((o) => o.in === p.in && o.name === p.name));
      return [key, own.length + inherited.length ? { ...operation, parameters: [...own, ...inherited] } : operation];
    });
    return [route, Object.fromEntries(operations)];
  });
  return { ...document, paths: Object.fromEntries(paths) };
}
