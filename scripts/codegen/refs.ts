/** JSON references inside the bundled spec: `#/components/schemas/…` to the node it names. */
type Json = Record<string, unknown>;

export function resolveRef<T>(document: Json, node: unknown): T {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node as T;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, key) => (at as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  return resolveRef<T>(document, target);
}
