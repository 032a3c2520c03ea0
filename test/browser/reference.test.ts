import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { landingRoute, tagRoute } from '../../scripts/docs/redoc-config.js';
import { cursorParam, escapeRegExp, limitBounds, limitParam, statusValues } from '../support/spec.js';
import {
  bundle,
  firstOperationSection,
  foreignRequests,
  guideSections,
  operationTitle,
  type Reference,
  renderEverySection,
  seen,
  startReference,
} from './page.js';

let reference: Reference;
let page: Page;

beforeAll(async () => {
  reference = await startReference();
  page = await reference.open(1400);
});

afterAll(async () => {
  await reference?.close();
});

describe('the hosted reference, in Chromium, opened without a click', () => {
  it('opens on the first operation, its title on the first screen', async () => {
    expect(new URL(page.url()).hash).toBe(`#${landingRoute(bundle)}`);
    const box = (await operationTitle(page).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(1000);
    expect(await page.getByText('+ Show', { exact: true }).count()).toBe(0);
  });

  it('lists Authentication, Pagination, Errors and every other guide in the navigation', async () => {
    expect(guideSections).toEqual(expect.arrayContaining(['Authentication', 'Pagination', 'Errors']));
    const entries = page.locator('[data-testid=menu-item-label]');
    for (const name of guideSections) {
      const entry = entries.filter({ hasText: new RegExp(`^${escapeRegExp(name)}$`) }).first();
      expect(await entry.isVisible(), `navigation entry ${name}`).toBe(true);
    }
  });

  it('shows every CheckoutSession field of the 200 response, nested ones too, expanded', async () => {
    // Redoc draws a schema's fields only once they come near the screen: scroll, but click nothing.
    await renderEverySection(page);
    const text = await seen(firstOperationSection(page));
    const { schemas } = bundle.components;
    for (const [field, schema] of Object.entries(schemas.CheckoutSession.properties)) {
      expect(text, `field ${field}`).toContain(`data[].${field}`);
      // An object field (such as automatic_tax): its own fields, which Redoc shows only when expanded.
      const refs = JSON.stringify(schema).match(/#\/components\/schemas\/\w+/g) ?? [];
      for (const ref of refs) {
        const nested = schemas[ref.split('/').at(-1)!]!.properties ?? {};
        for (const inner of Object.keys(nested))
          expect(text, `field ${field}.${inner}`).toContain(`data[].${field}.${inner}`);
      }
    }
    expect(text).toContain('has_more');
  });

  it(`shows the ${statusValues.length} status values and the limit bounds`, async () => {
    const text = await seen(firstOperationSection(page));
    for (const status of statusValues) expect(text).toContain(`"${status}"`);
    expect(text).toMatch(
      new RegExp(
        // The type, the size format the spec may give it (`, (int32)`), then the bounds.
        `${escapeRegExp(limitParam)}\\s+integer(, \\(int\\d+\\))?, \\[ ${limitBounds.minimum} \\.\\. ${limitBounds.maximum} \\]`,
      ),
    );
    expect(text).toContain(cursorParam);
  });

  it('shows the TypeScript samples of the SDK first, whole', async () => {
    const samples = firstOperationSection(page).locator('.panel-request-samples');
    const shown = await seen(samples);
    expect(shown).toContain('TypeScript: one page');
    expect(shown).toContain("await loops.checkout.sessions.list({ status: 'COMPLETED', limit: 25 })");
  });

  it('wraps every code block of the first operation instead of clipping it, at 1 400 and 800 px', async () => {
    const narrow = await reference.open(800);
    try {
      for (const [width, on] of [
        [1400, page],
        [800, narrow],
      ] as const) {
        await renderEverySection(on);
        const blocks = await firstOperationSection(on)
          .locator('pre')
          .evaluateAll((pres) =>
            pres.map((pre) => ({
              text: pre.textContent?.slice(0, 40),
              scroll: pre.scrollWidth,
              client: pre.clientWidth,
            })),
          );
        expect(blocks.length, `code blocks at ${width} px`).toBeGreaterThanOrEqual(2);
        // Measured before wrapping: the TypeScript sample ran 668 px into a 460 px panel at 1 400 px.
        for (const block of blocks)
          expect(block.scroll, `${block.text} at ${width} px`).toBeLessThanOrEqual(block.client);
      }
    } finally {
      await narrow.close();
    }
  });

  it('shows each error response with its description', async () => {
    const responses = bundle.paths['/checkout/sessions']!.get!.responses as Record<string, unknown>;
    const expected = {
      '400': 'The request was invalid',
      '401': 'No valid API key was provided.',
      '429': 'Too many requests in too short a time',
      '500': 'Something went wrong on the server',
      default: 'Any other error, such as 503 Service Unavailable',
    };
    for (const [code, description] of Object.entries(expected)) {
      expect(responses[code], `spec declares ${code}`).toBeDefined();
      await firstOperationSection(page)
        .locator('[role=tab], button')
        .filter({ hasText: new RegExp(`^${code}$`) })
        .first()
        .click();
      await page.getByText(description, { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
      if (code === '429') expect(await seen(firstOperationSection(page))).toContain('Retry-After');
    }
  });

  it('shows each guide section whole, as its Markdown file says', async () => {
    // Markdown as text: emphasis, code marks and link targets gone, one line.
    const plain = (markdown: string) =>
      markdown
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/[*`]/g, '')
        .replace(/\s+/g, ' ')
        .trim();
    for (const tag of bundle.tags.filter((t) => t['x-traitTag'])) {
      const id = `[data-section-id="${tagRoute(tag.name)}"]`;
      await page.locator(id).first().scrollIntoViewIfNeeded();
      const section = page.locator(`${id}:not(:empty)`).first();
      await section.waitFor({ state: 'visible', timeout: 30_000 });
      const text = (await seen(section)).replace(/\s+/g, ' ');
      const paragraphs = tag.description.trim().split(/\n\s*\n/);
      // Its first words, and those of its last paragraph: Redoc would cut a section at its first heading.
      expect(text, tag.name).toContain(plain(paragraphs[0]!).slice(0, 50));
      expect(text, tag.name).toContain(plain(paragraphs.at(-1)!).slice(0, 50));
    }
  });

  it('logs no console error and asks no host but its own', () => {
    expect(reference.consoleErrors).toEqual([]);
    expect(foreignRequests(reference)).toEqual([]);
    expect(reference.requests.length).toBeGreaterThan(0);
  });
});
