/** The reference as text beside index.html: reference.md, llms.txt, and the SDK reference and OpenAPI document they link. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../harness/paths.js';
import { renderLlmsTxt } from './llms-txt.js';
import { renderReferenceMarkdown } from './reference-md.js';

type Json = Record<string, unknown>;

/** The files written beside index.html, by name. */
export const textFiles = ['reference.md', 'llms.txt', 'api.md', 'openapi.json'] as const;

export function writeTextReference(document: Json, dir: string): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'reference.md'), renderReferenceMarkdown(document));
  writeFileSync(join(dir, 'llms.txt'), renderLlmsTxt(document));
  copyFileSync(join(root, 'generated', 'api.md'), join(dir, 'api.md'));
  copyFileSync(join(root, 'generated', 'openapi.json'), join(dir, 'openapi.json'));
}
