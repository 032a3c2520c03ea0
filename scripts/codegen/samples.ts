/**
 * Code samples for an operation that has no hand-written ones in spec/code_samples/: a TypeScript
 * call of its generated method, with the spec's example values, and a cURL request. They are files
 * of generated/samples/, type-checked by `npm test` like the hand-written ones.
 */
import { type Json, operationsOf, resolveRef, type SpecOperation } from './document.js';
import { placementOf } from './sdk.js';

/** The example value of a parameter: its own, its schema's, or a placeholder of its type. */
export function exampleOf(document: Json, node: Json): unknown {
  const schema = resolveRef<Json>(document, node.schema ?? node);
  const examples = (node.examples ?? schema.examples) as unknown[] | Record<string, { value: unknown }> | undefined;
  if (node.example !== undefined) return node.example;
  if (Array.isArray(examples)) return examples[0];
  if (examples) return resolveRef<{ value: unknown }>(document, Object.values(examples)[0]).value;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  return schema.type === 'integer' || schema.type === 'number' ? 1 : 'value';
}

/** The example body of an operation: the first example the spec gives for it. */
export function exampleBody(document: Json, { operation }: SpecOperation): unknown {
  const requestBody = resolveRef<Json | undefined>(document, operation.requestBody);
  const json = (requestBody?.content as Json | undefined)?.['application/json'] as Json | undefined;
  return json && exampleOf(document, json);
}

// JSON, with keys that are identifiers unquoted, as TypeScript writes object literals.
const literal = (value: unknown) => JSON.stringify(value, null, 2).replace(/"([A-Za-z_$][\w$]*)":/g, '$1:');

/** The TypeScript sample: a client from LOOPS_API_KEY, one call with example values, what it prints. */
export function typescriptSample(document: Json, spec: SpecOperation): string {
  const { resource, method } = placementOf(spec);
  const args = spec.parameters
    .filter((p) => p.in === 'path')
    .map((p) => literal(exampleOf(document, p as unknown as Json)));
  const body = exampleBody(document, spec);
  if (body !== undefined) args.push(literal(body));
  const call = `loops.${[...resource, method].join('.')}(${args.join(', ')})`;
  const use = spec.operation['x-pagination']
    ? `// Every item of every page; the next page is requested while the loop reads this one.\nfor await (const item of ${call}) {\n  console.log(item);\n}`
    : `const result = await ${call};\nconsole.log(result);`;
  return `import { Loops } from '@loops-fi/checkout';\n\nconst loops = new Loops({ apiKey: process.env.LOOPS_API_KEY });\n\n${use}\n`;
}

/** The cURL sample: the request with the example path values and body, the key from LOOPS_API_KEY. */
export function curlSample(document: Json, spec: SpecOperation): string {
  const server = (document.servers as { url: string }[])[0]!.url;
  let path = spec.path;
  for (const p of spec.parameters.filter((p) => p.in === 'path'))
    path = path.replace(`{${p.name}}`, encodeURIComponent(String(exampleOf(document, p as unknown as Json))));
  const lines = [
    `curl --request ${spec.method} \\`,
    `  --url ${server}${path} \\`,
    '  --header "Authorization: Bearer $LOOPS_API_KEY"',
  ];
  const body = exampleBody(document, spec);
  if (body !== undefined) {
    lines[lines.length - 1] += ' \\';
    lines.push(
      "  --header 'Content-Type: application/json' \\",
      `  --data '${JSON.stringify(body).replaceAll("'", "'\\''")}'`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** generated/samples/'s files for every operation without a manifest in spec/code_samples/. */
export function renderSamples(document: Json, handWritten: Set<string>): [string, string][] {
  return operationsOf(document)
    .filter((spec) => !handWritten.has(spec.id))
    .flatMap((spec): [string, string][] => [
      [`samples/${spec.id}.ts`, typescriptSample(document, spec)],
      [`samples/${spec.id}.sh`, curlSample(document, spec)],
    ]);
}
