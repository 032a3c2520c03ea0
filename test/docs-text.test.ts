/**
 * The reference as text, what `npm run docs` writes beside index.html: reference.md (every guide
 * and operation as Markdown) and llms.txt (the map to it), rendered from the bundled spec, with
 * the facts of generated/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalog } from '../generated/catalog.js';
import { renderLlmsTxt } from '../scripts/docs/llms-txt.js';
import { checkLandingRoute, landingRoute, tagRoute } from '../scripts/docs/redoc-config.js';
import { renderReferenceMarkdown } from '../scripts/docs/reference-md.js';
import { root } from '../scripts/harness/paths.js';
import { limitBounds, limitParam, statusValues } from './support/spec.js';

interface Bundle {
  info: { title: string; summary: string; description: string };
  tags: { name: string; description: string; 'x-traitTag'?: boolean }[];
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; responses: Record<string, unknown>; 'x-codeSamples': { label: string; source: string }[] }
    >
  >;
}
const bundle = JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8')) as Bundle;
const reference = renderReferenceMarkdown(bundle as never);
const llms = renderLlmsTxt(bundle as never);
const operations = Object.values(bundle.paths).flatMap((item) => Object.values(item));
const guides = bundle.tags.filter((tag) => tag['x-traitTag']);

/** Headings outside code fences, and the anchors GitHub gives them. */
function headings(markdown: string): { level: number; text: string; anchor: string }[] {
  const found: { level: number; text: string; anchor: string }[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = fenced ? null : /^(#{1,6}) (.+)$/.exec(line);
    if (heading)
      found.push({
        level: heading[1]!.length,
        text: heading[2]!,
        anchor: heading[2]!
          .toLowerCase()
          .replace(/[^\w\- ]/g, '')
          .replace(/ /g, '-'),
      });
  }
  return found;
}

describe('reference.md: the reference page as Markdown', () => {
  const titles = headings(reference);

  it('has one title, then the overview, Getting started and every guide section, each whole', () => {
    expect(titles.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      expect.stringContaining(bundle.info.title),
    ]);
    expect(reference).toContain(`> ${bundle.info.summary}`);
    const sections = titles.filter((h) => h.level === 2).map((h) => h.text);
    expect(sections).toEqual(expect.arrayContaining(['Getting started', ...guides.map((g) => g.name)]));
    for (const guide of guides)
      expect(reference, guide.name).toContain(guide.description.trim().replaceAll('](#/', '](#'));
  });

  it("keeps code as it is: a shell comment in a guide's code stays a comment, not a heading", () => {
    const comments = guides.flatMap((g) => [...g.description.matchAll(/^# .+$/gm)].map((m) => m[0]));
    expect(comments.length).toBeGreaterThan(0);
    for (const comment of comments) {
      expect(reference).toContain(`\n${comment}\n`);
      expect(titles.map((h) => h.text)).not.toContain(comment.slice(2));
    }
  });

  it('links between sections by anchors of its own, not by routes of the HTML page', () => {
    expect(reference).not.toMatch(/\]\(#\//);
    const anchors = new Set(titles.map((h) => h.anchor));
    for (const [, target] of reference.matchAll(/\]\(#([\w-]+)\)/g)) expect(anchors, `#${target}`).toContain(target);
  });

  it('gives each operation its method and path, parameters with bounds, every response and every code sample', () => {
    for (const [id, entry] of Object.entries(catalog)) {
      expect(
        titles.map((h) => h.text),
        id,
      ).toContain(entry.summary);
      const section = reference.slice(reference.indexOf(`### ${entry.summary}`)).split(/^### /m)[1]!;
      expect(section).toContain(`${entry.method} `);
      expect(section).toContain(`${entry.path}\``);
      for (const p of entry.parameters) expect(section, `${id} ${p.name}`).toContain(`| \`${p.name}\` | ${p.in} |`);
      if ('body' in entry)
        for (const field of Object.keys((entry.body.schema as { properties: object }).properties))
          expect(section, `${id} body ${field}`).toContain(`| \`${field}\` |`);
      const operation = operations.find((o) => o.operationId === id)!;
      for (const status of Object.keys(operation.responses))
        expect(section, `${id} ${status}`).toContain(
          `#### Response ${status === 'default' ? 'for any other status' : status}`,
        );
      for (const sample of operation['x-codeSamples']) expect(section, sample.label).toContain(sample.source);
    }
    for (const status of statusValues) expect(reference).toContain(`'${status}'`);
    // Its type, bounds, the size format the spec may give it (int32), and its default.
    expect(reference).toMatch(
      new RegExp(
        `\\| \`${limitParam}\` \\| query \\| \`integer, ${limitBounds.minimum} to ${limitBounds.maximum}(, int\\d+)?, default ${limitBounds.default}\``,
      ),
    );
  });

  it("lists a response's nested fields by their path", () => {
    expect(reference).toMatch(/\| `data\[\]\.shipping\.address\.city` \| `string or null` \| yes \|/);
  });
});

describe('llms.txt: the map of the reference, for programs', () => {
  it('opens as llmstxt.org says: a title, a summary as a quote, then lists of links', () => {
    const lines = llms.split('\n');
    expect(lines[0]).toBe(`# ${bundle.info.title}`);
    expect(lines[2]).toBe(`> ${bundle.info.summary}`);
    expect(
      headings(llms)
        .filter((h) => h.level === 2)
        .map((h) => h.text),
    ).toEqual(['Docs', 'Guides', 'Operations', 'Optional']);
  });

  it('links reference.md, api.md and openapi.json, and every guide and operation to its heading in reference.md', () => {
    for (const file of ['reference.md', 'api.md', 'openapi.json', 'index.html']) expect(llms).toContain(`](${file})`);
    const anchors = new Set(headings(reference).map((h) => h.anchor));
    const links = [...llms.matchAll(/\]\(reference\.md#([\w-]+)\)/g)].map((m) => m[1]!);
    for (const link of links) expect(anchors, `reference.md#${link}`).toContain(link);
    const listed = [...llms.matchAll(/^- \[([^\]]+)\]\(reference\.md#/gm)].map((m) => m[1]);
    expect(listed).toEqual([
      'Getting started',
      ...guides.map((g) => g.name),
      ...Object.values(catalog).map((e) => e.summary),
    ]);
  });

  it('names each operation by its method, path and SDK method', () => {
    for (const entry of Object.values(catalog))
      expect(llms).toContain(
        `\`${entry.method} ${entry.path}\`, \`${['loops', ...entry.resource, entry.sdkMethod].join('.')}()\``,
      );
  });
});

describe('the route the reference page opens on', () => {
  const first = operations[0]!;
  const tag = (first as unknown as { tags: string[] }).tags[0]!;

  it("is the first operation's, under its first tag, as Redoc 3 names them", () => {
    expect(landingRoute(bundle as never)).toBe(`${tagRoute(tag)}/${first.operationId.toLowerCase()}`);
    expect(tagRoute('Retries and rate limits')).toBe('/retries-and-rate-limits');
  });

  it("is refused when Redoc's prerendered page has no link to its tag: the page would open on a 404", () => {
    const route = landingRoute(bundle as never);
    expect(() => checkLandingRoute(`<a href="${tagRoute(tag)}">`, route)).not.toThrow();
    expect(() => checkLandingRoute('<a href="/errors"><a href="/pagination">', route)).toThrow(
      /has no link to \/[\w-]+, the route the reference would open on: its tag routes are \/errors, \/pagination/,
    );
  });
});
