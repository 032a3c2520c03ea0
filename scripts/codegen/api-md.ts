/**
 * Renders generated/api.md, the SDK reference in Markdown: every resource and method of the
 * generated client, with its signature, parameters, what it returns, the errors it throws and a
 * one-line example. Read by people on GitHub and by programs; the hosted reference links it.
 */
import { callPath, cell, code, renderMethodEntry, table } from './api-md-method.js';
import { type Json, operationsOf, resolveRef, type SpecOperation } from './document.js';
import { idempotencyHeader } from './operations.js';
import { summarize } from './schema-summary.js';
import { placementOf, resourceClass, signatureOf, typeNameOf } from './sdk.js';

/** A heading's anchor, as GitHub makes it: `loops.checkout.sessions.list()` is `#loopscheckoutsessionslist`. */
export const anchor = (heading: string) =>
  `#${heading
    .toLowerCase()
    .replace(/[^\w\- ]/g, '')
    .replace(/ /g, '-')}`;

/** The first paragraph of a description, on one line. */
const firstParagraph = (text: unknown) => cell(String(text ?? '').split(/\n\s*\n/)[0]);

function resources(document: Json): Map<string, SpecOperation[]> {
  const grouped = new Map<string, SpecOperation[]>();
  for (const spec of operationsOf(document)) {
    const key = ['loops', ...placementOf(spec).resource].join('.');
    grouped.set(key, [...(grouped.get(key) ?? []), spec]);
  }
  return grouped;
}

/** The types a reader meets in the signatures, each with its description and fields. */
function typesSection(document: Json, specs: SpecOperation[]): string {
  const schemas = (document.components as { schemas: Record<string, Json> }).schemas;
  // Every schema of the spec is exported as a type: those of the signatures, and those their fields name.
  const names = new Set<string>(Object.keys(schemas).map((name) => typeNameOf(document, name)));
  for (const spec of specs) for (const type of signatureOf(document, spec).types) names.add(type);
  const entries = [...names].sort().map((type) => {
    const component = Object.keys(schemas).find((name) => typeNameOf(document, name) === type);
    if (!component) {
      const spec = specs.find((s) =>
        signatureOf(document, s).args.some((arg) => arg.kind === 'params' && arg.shown === type),
      )!;
      const fields = spec.parameters.filter((p) => p.in === 'query').map((p) => `\`${p.name}\``);
      return `### \`${type}\`\n\nThe query parameters of \`${callPath(spec)}()\`, as the spec declares them: ${fields.join(', ')}.`;
    }
    const schema = resolveRef<Json>(document, schemas[component]);
    const rows = Object.entries((schema.properties as Record<string, Json>) ?? {}).map(([name, property]) => [
      `\`${name}\``,
      code(summarize(document, property)),
      firstParagraph(resolveRef<Json>(document, property).description ?? property.description),
    ]);
    const fields = rows.length ? `\n\n${table(['field', 'type', 'description'], rows)}` : '';
    return `### \`${type}\`\n\n${firstParagraph(schema.description)}${fields}`;
  });
  return `## Types\n\nExported by \`@loops-fi/checkout\`, generated from the spec's schemas.\n\n${entries.join('\n\n')}`;
}

export function renderApiMarkdown(document: Json, notice: string): string {
  const info = document.info as Json;
  const grouped = resources(document);
  const specs = [...grouped.values()].flat();
  const index = [...grouped].map(([key, methods]) => [
    `[\`${key}\`](${anchor(key)})`,
    methods.map((spec) => `[\`${placementOf(spec).method}()\`](${anchor(`${callPath(spec)}()`)})`).join(', '),
  ]);
  const sections = [...grouped].map(([key, methods]) => {
    const resource = placementOf(methods[0]!).resource;
    const tag = (methods[0]!.operation.tags as string[] | undefined)?.[0];
    const described = (document.tags as { name: string; description?: string }[] | undefined)?.find(
      (t) => t.name === tag,
    );
    const intro = [
      resource.length ? `Class \`${resourceClass(resource)}\`.` : 'Methods of the client itself.',
      described?.description?.trim(),
    ]
      .filter(Boolean)
      .join(' ');
    const entries = methods.map((spec) => renderMethodEntry(document, spec, idempotencyHeader(spec)));
    return [`## \`${key}\``, cell(intro), ...entries].join('\n\n');
  });
  return `<!-- ${notice} -->

# ${info.title}: SDK reference

Every resource and method of the \`@loops-fi/checkout\` client, generated from the spec with the SDK it
describes (\`generated/sdk/\`): signatures, parameters, what each method returns, the errors it throws,
and an example. Client options, logging and the fake server are in the README; the HTTP API, with its
assumptions marked, in the hosted reference (\`npm run docs\`).

\`\`\`ts
import { Loops } from '@loops-fi/checkout';

const loops = new Loops(); // the key from LOOPS_API_KEY, the base URL from LOOPS_BASE_URL or ${String((document.servers as { url: string }[])[0]?.url)}
\`\`\`

${table(['resource', 'methods'], index)}

A response header \`x-should-retry: true\` or \`false\` overrides whether a failure is retried. Arguments are
checked against the spec before anything is sent; a \`ValidationError\` names the argument and what it accepts.

${sections.join('\n\n')}

${typesSection(document, specs)}
`;
}
