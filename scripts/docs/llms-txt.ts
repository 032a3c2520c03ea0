/**
 * llms.txt (llmstxt.org): what the reference holds and where, for assistants and other programs:
 * a title, a summary, then lists of links into reference.md, api.md and the OpenAPI document.
 */

import { anchor } from '../codegen/api-md.js';
import { callPath, cell } from '../codegen/api-md-method.js';
import { type Json, operationsOf } from '../codegen/document.js';
import { firstSentence, splitAtHeadings } from './markdown-text.js';
import { tagsOf } from './reference-md.js';

export function renderLlmsTxt(document: Json): string {
  const info = document.info as Json;
  const server = (document.servers as { url: string }[] | undefined)?.[0]?.url;
  const { before, sections } = splitAtHeadings(String(info.description ?? ''));
  const guides = [
    ...sections.map(({ title, body }) => {
      const parts = [...body.matchAll(/^## (.+)$/gm)].map((match) => match[1]!.toLowerCase());
      return `- [${title}](reference.md${anchor(title)}): ${parts.length ? `${parts.join(', ')}.` : firstSentence(body)}`;
    }),
    ...tagsOf(document)
      .filter((tag) => tag['x-traitTag'])
      .map((tag) => `- [${tag.name}](reference.md${anchor(tag.name)}): ${firstSentence(tag.description)}`),
  ];
  const operations = operationsOf(document).map((spec) => {
    const summary = String(spec.operation.summary ?? spec.id).trim();
    return `- [${summary}](reference.md${anchor(summary)}): \`${spec.method} ${spec.path}\`, \`${callPath(spec)}()\` in the SDK. ${firstSentence(String(spec.operation.description ?? ''))}`;
  });
  return `# ${info.title}

> ${cell(info.summary ?? firstSentence(before))}

${before.replace(/\s*\n(?!\n)\s*/g, ' ')}

The API's base URL is \`${server}\`; every request carries \`Authorization: Bearer <API key>\`. The SDK is \`@loops-fi/checkout\` on npm.

## Docs

- [API reference in Markdown](reference.md): the guides and every operation, with parameters, request bodies, responses, examples and code samples
- [SDK reference](api.md): every method of the \`@loops-fi/checkout\` client, with its signature, parameters, what it returns, the errors it throws and an example
- [OpenAPI description](openapi.json): the bundled OpenAPI ${String(document.openapi)} document this reference is built from

## Guides

${guides.join('\n')}

## Operations

${operations.join('\n')}

## Optional

- [API reference page](index.html): the same reference, rendered by Redoc
`;
}
