/** TSDoc for a generated method: the operation's summary and description, and what each argument is. */
import type { Json, SpecOperation } from './document.js';

/** text made safe inside a block comment, each line prefixed for the method's indent. */
function commentLines(text: string): string[] {
  return text
    .replaceAll('*/', '*\\/')
    .trimEnd()
    .split('\n')
    .map((line) => `   *${line ? ` ${line}` : ''}`);
}

/** The first paragraph of a description, on one line: what an @param line shows. */
const firstParagraph = (text = '') =>
  text
    .trim()
    .split(/\n\s*\n/)[0]!
    .replace(/\s+/g, ' ');

export function docComment(document: Json, { operation, parameters }: SpecOperation): string {
  void document;
  const parts: string[] = [];
  if (operation.summary) parts.push(...commentLines(String(operation.summary)));
  if (operation.description) parts.push('   *', ...commentLines(String(operation.description)));
  const tags: string[] = [];
  for (const p of parameters.filter((p) => p.in === 'path'))
    tags.push(`@param ${p.name} ${firstParagraph(p.description)}`);
  const body = operation.requestBody as Json | undefined;
  if (body)
    tags.push(
      `@param body ${firstParagraph(String(body.description ?? 'The request body.'))} Checked against the spec before sending.`,
    );
  const query = parameters.filter((p) => p.in === 'query');
  if (query.length) {
    tags.push("@param params The query parameters, each checked by the spec's rules before sending:");
    for (const p of query) tags.push(`  - \`${p.name}\`: ${firstParagraph(p.description)}`);
  }
  const paging = operation['x-pagination'];
  tags.push(
    paging
      ? '@param options Per-call options (timeout, maxRetries, signal, headers, query, prefetch).'
      : '@param options Per-call options (timeout, maxRetries, signal, headers, query).',
  );
  tags.push("@throws {ValidationError} when an argument breaks the spec's rules; nothing is sent then.");
  tags.push('@throws {APIError} when the API answers with an error, after the retries it allows.');
  if (tags.length) parts.push('   *', ...tags.flatMap((tag) => commentLines(tag)));
  return ['  /**', ...parts, '   */'].join('\n');
}
