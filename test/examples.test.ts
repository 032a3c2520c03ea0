import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { invalidStatus } from './support/spec.js';
import { typecheckSources } from './support/typecheck.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');
const tsBlocks = (markdown: string) => [...markdown.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]!);

const readme = tsBlocks(read('README.md'));
const bundled = JSON.parse(read('generated/openapi.json')) as {
  info: { description: string };
  tags: { name: string; description?: string; 'x-traitTag'?: boolean }[];
  paths: Record<string, { get: { 'x-codeSamples': { lang: string; label: string; source: string }[] } }>;
};
const gettingStarted = tsBlocks(bundled.info.description);
// The reference's guide sections: the spec's tags without operations, each a Markdown file of spec/docs/.
const guides = bundled.tags
  .filter((tag) => tag['x-traitTag'])
  .flatMap((tag) => tsBlocks(tag.description ?? '').map((code) => ({ section: tag.name, code })));

describe('code that readers copy', () => {
  it('README and the reference’s Getting started have TypeScript examples', () => {
    expect(readme.length).toBeGreaterThanOrEqual(4);
    expect(gettingStarted.length).toBe(3);
  });

  it('the guide sections of the reference have TypeScript examples', () => {
    expect(new Set(guides.map((guide) => guide.section))).toEqual(
      new Set(['Pagination', 'Errors', 'Retries and rate limits', 'Idempotency', 'Testing with the fake server']),
    );
  });

  it('type-check against src/ and generated/', () => {
    const sources = Object.fromEntries([
      ...readme.map((code, i) => [`readme-${i + 1}.mts`, code]),
      ...gettingStarted.map((code, i) => [`getting-started-${i + 1}.mts`, code]),
      ...guides.map(({ code }, i) => [`guide-${i + 1}.mts`, code]),
    ]);
    expect(typecheckSources(sources)).toEqual([]);
  }, 60_000);

  it('a check that would catch an example that stops compiling', () => {
    // The README's own call, with a status the spec can never list in place of the one it shows.
    const broken = readme[0]!.replace("status: 'COMPLETED'", `status: '${invalidStatus}'`);
    expect(typecheckSources({ 'broken.mts': broken }).join('\n')).toContain(invalidStatus);
  }, 60_000);

  it('the bundled spec carries the code sample files, TypeScript first, exactly as written', () => {
    const manifest = parse(read('spec/code_samples/listCheckoutSessions.yaml')) as {
      lang: string;
      label: string;
      source: string;
    }[];
    const samples = bundled.paths['/checkout/sessions']!.get['x-codeSamples'];
    expect(samples.map((s) => s.lang)).toEqual(['TypeScript', 'TypeScript', 'TypeScript', 'cURL']);
    expect(samples).toEqual(
      manifest.map(({ lang, label, source }) => ({
        lang,
        label,
        source: read(`spec/code_samples/${source}`).trimEnd(),
      })),
    );
  });
});
