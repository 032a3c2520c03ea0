/**
 * reference.md: the hosted reference's facts as one Markdown document, written from the bundled
 * spec by `npm run docs`, for programs and readers without Redoc: the overview and guides, then each
 * operation with its parameters, body, responses (headers, fields, examples) and code samples.
 */
import { callPath, cell, code, table } from '../codegen/api-md-method.js';
import { type Json, operationsOf, resolveRef, type SpecOperation } from '../codegen/document.js';
import { summarize } from '../codegen/schema-summary.js';
import { pageLinksToAnchors, shiftHeadings } from './markdown-text.js';
import { schemaRows } from './schema-rows.js';

export interface Tag {
  name: string;
  description?: string;
  'x-traitTag'?: boolean;
}

export const tagsOf = (document: Json) => (document.tags as Tag[] | undefined) ?? [];

/** A description made to sit under a heading of level `level`: its own headings below it, links to anchors. */
const prose = (text: unknown, level: number) => pageLinksToAnchors(shiftHeadings(String(text ?? '').trim(), level));

const fence = (lang: string, source: string) => `\`\`\`${lang}\n${source.trimEnd()}\n\`\`\``;

/** Every example of a media type: its own `example`, or each of `examples`, named. */
function examples(document: Json, media: Json): string[] {
  if (media.example !== undefined) return [fence('json', JSON.stringify(media.example, null, 2))];
  return Object.entries((media.examples as Record<string, unknown>) ?? {}).map(([name, node]) => {
    const example = resolveRef<{ summary?: string; value: unknown }>(document, node);
    return `Example \`${name}\`${example.summary ? `: ${example.summary}` : ''}\n\n${fence('json', JSON.stringify(example.value, null, 2))}`;
  });
}

const fieldTable = (document: Json, schema: unknown) => {
  const rows = schemaRows(document, schema);
  return rows.length
    ? table(['field', 'type', 'required', 'description'], rows)
    : `A value of type ${code(summarize(document, schema))}.`;
};

function requestBody(document: Json, operation: Json): string[] {
  const body = resolveRef<Json | undefined>(document, operation.requestBody);
  if (!body) return [];
  return Object.entries(body.content as Record<string, Json>).flatMap(([type, media]) => [
    `#### Request body (\`${type}\`, ${body.required ? 'required' : 'optional'})`,
    cell(body.description),
    fieldTable(document, media.schema),
    ...examples(document, media),
  ]);
}

function responses(document: Json, operation: Json): string[] {
  return Object.entries(operation.responses as Record<string, unknown>).flatMap(([status, node]) => {
    const response = resolveRef<Json>(document, node);
    const headers = Object.entries((response.headers as Record<string, unknown>) ?? {}).map(([name, header]) => {
      const resolved = resolveRef<Json>(document, header);
      return [code(name), code(summarize(document, resolved.schema)), cell(resolved.description)];
    });
    return [
      `#### Response ${status === 'default' ? 'for any other status' : status}`,
      cell(response.description),
      headers.length ? `Headers\n\n${table(['header', 'type', 'description'], headers)}` : '',
      ...Object.entries((response.content as Record<string, Json>) ?? {}).flatMap(([type, media]) => [
        `Body (\`${type}\`)`,
        fieldTable(document, media.schema),
        ...examples(document, media),
      ]),
    ];
  });
}

function operationSection(document: Json, spec: SpecOperation): string {
  const { operation } = spec;
  const server = (document.servers as { url: string }[] | undefined)?.[0]?.url ?? '';
  const security = ((operation.security ?? document.security) as Record<string, unknown>[] | undefined) ?? [];
  const parameters = spec.parameters.map((p) => [
    code(p.name),
    p.in,
    code(summarize(document, p.schema)),
    p.required ? 'yes' : 'no',
    cell(p.description),
  ]);
  const samples = (operation['x-codeSamples'] as { lang: string; label: string; source: string }[] | undefined) ?? [];
  return [
    `### ${String(operation.summary ?? spec.id).trim()}`,
    `\`${spec.method} ${server}${spec.path}\`: operation \`${spec.id}\`, \`${callPath(spec)}()\` in the SDK.` +
      (security.length
        ? ` Authentication: ${security.flatMap((s) => Object.keys(s).map((name) => `\`${name}\``)).join(', ')}.`
        : ''),
    prose(operation.description, 3),
    parameters.length
      ? `#### Parameters\n\n${table(['name', 'in', 'type', 'required', 'description'], parameters)}`
      : '',
    ...requestBody(document, operation),
    ...responses(document, operation),
    ...samples.map(
      (sample) =>
        `#### Sample: ${sample.label}\n\n${fence(sample.lang === 'cURL' ? 'sh' : sample.lang.toLowerCase(), sample.source)}`,
    ),
  ]
    .filter(Boolean)
    .join('\n\n');
}

function securitySchemes(document: Json): string {
  const schemes = ((document.components as Json | undefined)?.securitySchemes as Record<string, Json>) ?? {};
  const rows = Object.entries(schemes).map(([name, scheme]) => [
    code(name),
    cell([scheme.type, scheme.scheme].filter(Boolean).join(' ')),
    cell(pageLinksToAnchors(String(scheme.description ?? ''))),
  ]);
  return rows.length ? table(['scheme', 'type', 'description'], rows) : '';
}

export function renderReferenceMarkdown(document: Json): string {
  const info = document.info as Json;
  const servers = (document.servers as { url: string; description?: string }[] | undefined) ?? [];
  const operations = operationsOf(document);
  const tagged = tagsOf(document).map((tag) => {
    const ops = operations.filter((spec) => (spec.operation.tags as string[] | undefined)?.[0] === tag.name);
    return [`## ${tag.name}`, prose(tag.description, 2), ...ops.map((spec) => operationSection(document, spec))].join(
      '\n\n',
    );
  });
  const untagged = operations.filter((spec) => !(spec.operation.tags as string[] | undefined)?.length);
  return `<!-- Written by \`npm run docs\` from the bundled spec (generated/openapi.json): the reference page's facts as Markdown. -->

# ${info.title} (${info.version})

${info.summary ? `> ${cell(info.summary)}\n\n` : ''}${servers.map((s) => `Server: \`${s.url}\`${s.description ? ` (${s.description})` : ''}.`).join('\n')}

${securitySchemes(document)}

${prose(info.description, 1)}

${[...tagged, ...untagged.map((spec) => operationSection(document, spec))].join('\n\n')}
`;
}
