/** What `npm run docs` writes beside index.html, for programs: the reference as text, and the files it links. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLlmsTxt } from '../../scripts/docs/llms-txt.js';
import { renderReferenceMarkdown } from '../../scripts/docs/reference-md.js';
import { textFiles } from '../../scripts/docs/text-reference.js';
import { root } from '../../scripts/harness/paths.js';
import { bundle, docsDir } from './page.js';

const built = (name: string) => readFileSync(join(docsDir, name), 'utf8');
const generated = (name: string) => readFileSync(join(root, 'generated', name), 'utf8');

describe('the reference as text, beside index.html', () => {
  it('npm run docs wrote reference.md and llms.txt from the bundled spec, and the api.md and openapi.json they link', () => {
    expect([...textFiles].sort()).toEqual(['api.md', 'llms.txt', 'openapi.json', 'reference.md']);
    expect(built('reference.md')).toBe(renderReferenceMarkdown(bundle as never));
    expect(built('llms.txt')).toBe(renderLlmsTxt(bundle as never));
    expect(built('api.md')).toBe(generated('api.md'));
    expect(built('openapi.json')).toBe(generated('openapi.json'));
  });
});
