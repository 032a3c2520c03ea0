/** One method's entry in the SDK reference: signature, parameters, what it returns, what it throws, an example. */
import { listOptionNames, requestOptionNames } from '../../src/call-options.js';
import { errorRows } from './api-errors.js';
import { type Json, resolveRef, type SpecOperation } from './document.js';
import { exampleBody, exampleOf } from './samples.js';
import { summarize } from './schema-summary.js';
import { placementOf, type Signature, signatureOf } from './sdk.js';
import { tsLiteral } from './ts-literal.js';

/** Text made safe for one table cell: one line, pipes escaped. */
export const cell = (text: unknown) =>
  String(text ?? '')
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\|/g, '\\|');

/** A type in a table cell, as code. */
export const code = (text: string) => `\`${cell(text)}\``;

export const table = (head: string[], rows: string[][]) =>
  [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');

/** `loops.checkout.sessions.list`: where the method is called from. */
export const callPath = (spec: SpecOperation) => {
  const { resource, method } = placementOf(spec);
  return ['loops', ...resource, method].join('.');
};

/** The signature as a reader writes it, and as tsc prints the generated method's: `list(params?: ListParams, …): …`. */
export function signatureLine(spec: SpecOperation, { args, returns }: Signature): string {
  const shown = args.map((arg) => `${arg.name}${arg.optional ? '?' : ''}: ${arg.shown}`);
  return `${placementOf(spec).method}(${shown.join(', ')}): ${returns}`;
}

function parameterRows(document: Json, spec: SpecOperation, signature: Signature): string[][] {
  const rows: string[][] = [];
  const yes = (required: boolean) => (required ? 'yes' : 'no');
  for (const p of spec.parameters.filter((p) => p.in === 'path'))
    rows.push([`\`${p.name}\``, code(summarize(document, p.schema)), 'yes', cell(p.description)]);
  const body = signature.args.find((arg) => arg.kind === 'body');
  if (body) {
    const requestBody = resolveRef<Json>(document, spec.operation.requestBody);
    const schema = resolveRef<Json>(document, ((requestBody.content as Json)['application/json'] as Json).schema);
    rows.push(['`body`', `\`${body.shown}\``, yes(!body.optional), cell(requestBody.description)]);
    const required = (schema.required as string[] | undefined) ?? [];
    for (const [name, property] of Object.entries((schema.properties as Record<string, Json>) ?? {})) {
      const described = resolveRef<Json>(document, property).description ?? property.description;
      rows.push([
        `\`body.${name}\``,
        code(summarize(document, property)),
        yes(required.includes(name)),
        cell(described),
      ]);
    }
  }
  for (const p of spec.parameters.filter((p) => p.in === 'query'))
    rows.push([
      `\`params.${p.name}\``,
      code(summarize(document, p.schema)),
      yes(p.required === true),
      cell(p.description),
    ]);
  const options = signature.args.find((arg) => arg.kind === 'options')!;
  const names = options.shown === 'ListOptions' ? listOptionNames : requestOptionNames;
  const all = options.shown === 'IdempotentRequestOptions' ? [...names, 'idempotencyKey'] : names;
  rows.push([
    '`options`',
    `\`${options.shown}\``,
    'no',
    `Per-call settings, over the client's: ${all.map((name) => `\`${name}\``).join(', ')}.`,
  ]);
  return rows;
}

function returnsText({ returns }: Signature, paginated: boolean): string {
  const [, item, list] = /^PagePromise<([\w[\]']+), (\w+)/.exec(returns) ?? [];
  if (paginated)
    return `\`${returns}\`. Awaited, one page: the \`${list}\` as the API sent it, with \`hasNextPage()\`, \`getNextPage()\` and \`requestId\`. Iterated (\`for await\`), every \`${item}\` of every page, the next page requested while you read this one; \`autoPagingToArray({ limit })\` and \`autoPagingEach(fn)\` walk it too. Nothing is sent until it is awaited or iterated.`;
  const type = /^APIPromise<(.+)>$/.exec(returns)?.[1];
  return `\`${returns}\`: awaited, the \`${type}\` as the API sent it; \`.withResponse()\` gives \`{ data, response, requestId }\`.`;
}

/** A one-line call with the spec's example values: path parameters, body, and the query parameters that have examples but the cursor. */
export function exampleLine(document: Json, spec: SpecOperation, signature: Signature): string {
  const paging = spec.operation['x-pagination'] as Record<string, string> | undefined;
  const args = spec.parameters.filter((p) => p.in === 'path').map((p) => tsLiteral(exampleOf(document, p as never)));
  const body = exampleBody(document, spec);
  if (body !== undefined) args.push(tsLiteral(body));
  const query = spec.parameters.filter(
    (p) =>
      p.in === 'query' &&
      ('example' in p || 'examples' in p) &&
      p.name !== paging?.cursorParam &&
      p.name !== paging?.offsetParam,
  );
  if (query.length)
    args.push(tsLiteral(Object.fromEntries(query.map((p) => [p.name, exampleOf(document, p as never)]))));
  const type = /<(\w+)>$/.exec(signature.returns)?.[1] ?? 'result';
  const name = paging ? 'page' : type.charAt(0).toLowerCase() + type.slice(1);
  return `const ${name} = await ${callPath(spec)}(${args.join(', ')});`;
}

/** The whole entry of one method, under a heading of the given level. */
export function renderMethodEntry(document: Json, spec: SpecOperation, idempotencyHeader: string | undefined): string {
  const signature = signatureOf(document, spec);
  const paginated = Boolean(spec.operation['x-pagination']);
  const rows = errorRows(spec, idempotencyHeader).map((row) => [row.when, `\`${row.error}\``, row.retried]);
  return [
    `### \`${callPath(spec)}()\``,
    `\`\`\`ts\n${signatureLine(spec, signature)}\n\`\`\``,
    `**${String(spec.operation.summary ?? spec.id).trim()}**: \`${spec.method} ${spec.path}\`.`,
    String(spec.operation.description ?? '').trim(),
    `**Parameters**\n\n${table(['name', 'type', 'required', 'description'], parameterRows(document, spec, signature))}`,
    `**Returns** ${returnsText(signature, paginated)}`,
    `**Throws** (every error is a \`LoopsError\`; retried: up to \`maxRetries\` times, 2 by default)\n\n${table(['when', 'error', 'retried'], rows)}`,
    `**Example**\n\n\`\`\`ts\n${exampleLine(document, spec, signature)}\n\`\`\``,
  ]
    .filter(Boolean)
    .join('\n\n');
}
