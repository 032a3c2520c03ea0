import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { typecheckSources } from './support/typecheck.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const snippets = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('README', () => {
  it('has TypeScript examples', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(4);
  });

  it('has examples that type-check against src/ and generated/', () => {
    const sources = Object.fromEntries(snippets.map((code, i) => [`readme-${i + 1}.mts`, code]));
    expect(typecheckSources(sources)).toEqual([]);
  }, 60_000);

  it('would catch an example that stops compiling', () => {
    const broken = snippets[0]!.replace("status: 'COMPLETED'", "status: 'OPEN'");
    expect(typecheckSources({ 'broken.mts': broken }).join('\n')).toMatch(/OPEN/);
  }, 60_000);
});
