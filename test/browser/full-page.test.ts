/**
 * The whole reference page: every part Redoc draws only once it comes into view scrolled into view,
 * the files it links served beside it, and the full-page screenshot that README promises.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundle, docsDir, foreignRequests, type Reference, renderEverySection, seen, startReference } from './page.js';

let reference: Reference;
let page: Page;

beforeAll(async () => {
  reference = await startReference();
  page = await reference.open(1400);
  await renderEverySection(page);
});

afterAll(async () => {
  await reference?.close();
});

describe('the whole reference page, every part drawn', () => {
  it('links the SDK reference, llms.txt and reference.md from Getting started, each served beside the page', async () => {
    await renderEverySection(page);
    for (const file of ['api.md', 'llms.txt', 'reference.md']) {
      const link = page.locator(`#api-content a[href="${file}"]`).first();
      expect(await link.count(), file).toBe(1);
      const response = await page.request.get(new URL(file, page.url()).href);
      expect(response.status(), file).toBe(200);
      expect(await response.text()).toBe(readFileSync(join(docsDir, file), 'utf8'));
    }
  });

  it('saves a full-page screenshot with every section drawn, down to the last operation', async () => {
    await renderEverySection(page);
    const path = join(docsDir, 'screenshot.png');
    const png = await page.screenshot({ path, fullPage: true });
    expect(readFileSync(path).equals(png)).toBe(true);
    // Read the picture back in the browser: how much of each tenth of it, top to bottom, is ink
    // (anything darker than the page's light background). Redoc leaves a section it has not
    // rendered, or one it skips painting, blank.
    const picture = await page.evaluate(
      async (dataUrl) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const tenths = Array.from({ length: 10 }, (_, i) => {
          const top = Math.floor((image.height * i) / 10);
          const { data } = context.getImageData(300, top, image.width - 300, Math.floor(image.height / 10));
          let ink = 0;
          for (let p = 0; p < data.length; p += 4)
            if (data[p]! < 160 && data[p + 1]! < 160 && data[p + 2]! < 160) ink++;
          return ink / (data.length / 4);
        });
        return { width: image.width, height: image.height, tenths };
      },
      `data:image/png;base64,${png.toString('base64')}`,
    );
    expect(picture.width).toBe(1400);
    // Every guide and all three operations, every field expanded: far taller than the 1000 px viewport.
    expect(picture.height).toBeGreaterThan(10_000);
    // Measured: each tenth of the page, sidebar left out, is 1 to 4 % dark text; a blank one is 0.
    for (const [i, ink] of picture.tenths.entries()) expect(ink, `tenth ${i + 1} of the page`).toBeGreaterThan(0.003);
    // The last operation is drawn, not left a placeholder, and the picture is the page's full height.
    const last = Object.values(Object.values(bundle.paths).at(-1)!).at(-1)!;
    const section = page.locator(`#api-content [data-section-id$="/${last.operationId.toLowerCase()}"]`).first();
    expect(await seen(section)).toContain(last.summary);
    // Measured: 10 px shorter than the document's scrollHeight (the margin below the last section).
    const full = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(Math.abs(picture.height - full)).toBeLessThanOrEqual(20);
    console.log(
      `screenshot: ${picture.width}×${picture.height} px, ink by tenth ${picture.tenths.map((t) => (t * 100).toFixed(1)).join(' ')} %`,
    );
  });

  it('logs no console error and asks no host but its own', () => {
    expect(reference.consoleErrors).toEqual([]);
    expect(foreignRequests(reference)).toEqual([]);
    expect(reference.requests.length).toBeGreaterThan(0);
  });
});
