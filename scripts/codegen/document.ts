/** Reading the bundled spec: `$ref`s, and every operation with the parameters that apply to it. */

export type Json = Record<string, unknown>;

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema: Json;
  [extension: `x-${string}`]: unknown;
}

/** What `#/components/parameters/Status` points at, followed to the end of a chain of refs. */
export function resolveRef<T>(document: Json, node: unknown): T {
  const ref = (node as { $ref?: string } | null)?.$ref;
  if (!ref) return node as T;
  const target = ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((at, key) => (at as Json)[key.replace(/~1/g, '/').replace(/~0/g, '~')], document);
  return resolveRef<T>(document, target);
}

/** One operation of the spec, where it lives, and its parameters (the path item's and its own). */
export interface SpecOperation {
  id: string;
  method: string;
  path: string;
  operation: Json;
  parameters: Parameter[];
  /** The name of the component each parameter was a `$ref` to, by parameter name. */
  parameterComponents: Record<string, string>;
}

const methods = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation that has an operationId, in the spec's order of paths and methods. */
export function operationsOf(document: Json): SpecOperation[] {
  const found: SpecOperation[] = [];
  for (const [path, pathItem] of Object.entries(document.paths as Record<string, Json>)) {
    for (const [method, operation] of Object.entries(pathItem) as [string, Json][]) {
      if (!methods.includes(method) || typeof operation?.operationId !== 'string') continue;
      const refs = [...((pathItem.parameters as unknown[]) ?? []), ...((operation.parameters as unknown[]) ?? [])];
      const parameterComponents: Record<string, string> = {};
      const parameters = refs.map((node) => {
        const parameter = resolveRef<Parameter>(document, node);
        const ref = (node as { $ref?: string }).$ref;
        if (ref) parameterComponents[parameter.name] = ref.split('/').at(-1)!;
        return parameter;
      });
      found.push({
        id: operation.operationId,
        method: method.toUpperCase(),
        path,
        operation,
        parameters,
        parameterComponents,
      });
    }
  }
  return found;
}

/** The component name a `{ $ref: '#/components/schemas/X' }` names, or undefined for an inline schema. */
export function componentName(schema: unknown): string | undefined {
  const ref = (schema as { $ref?: string } | null)?.$ref;
  return ref?.startsWith('#/components/schemas/') ? ref.slice('#/components/schemas/'.length) : undefined;
}

/** `listCheckoutSessions` → `ListCheckoutSessions`. */
export const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);
