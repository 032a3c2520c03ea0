import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { root } from '../../scripts/harness/paths.js';
import { type StaticServer, serveDirectory } from '../../scripts/harness/static-server.js';
import { cursorParam, escapeRegExp, limitBounds, limitParam, statusValues } from '../support/spec.js';

const docsDir = join(root, 'dist', 'docs');
const spec = JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8')) as {
  components: { schemas: { CheckoutSession: { properties: Record<string, unknown> } } };
  paths: Record<string, { get: { responses: Record<string, { $ref?: string; description?: string }> } }>;
};

let server: StaticServer;
let browser: Browser;
let page: Page;
const requests: string[] = [];
const consoleErrors: string[] = [];

beforeAll(async () => {
  if (!existsSync(join(docsDir, 'index.html')))
    throw new Error('dist/docs/index.html is missing: run `npm run docs` first.');
  server = await serveDirectory(docsDir);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(`${server.url}/`, { waitUntil: 'load' });
  // Wait for what each step needs, not on click timeouts: on a busy 2-core machine Redoc takes
  // seconds to render its 2.6 MB page, and a click that times out says nothing about the page.
  const tag = page.getByText('Checkout Sessions', { exact: true }).first();
  await tag.waitFor({ state: 'visible', timeout: 60_000 });
  // Navigate as a reader does: from the sidebar to the operation.
  await tag.click();
  const entry = page.getByText('List all checkout sessions (Stripe-compatible)').first();
  await entry.waitFor({ state: 'visible', timeout: 30_000 });
  await entry.click();
  await title().waitFor({ state: 'visible', timeout: 30_000 });
});

const title = () => page.getByRole('heading', { name: 'List all checkout sessions (Stripe-compatible)' });

/** Clicks "Expand all" and waits until the nested field names it opens are on screen. */
async function expandAll(): Promise<void> {
  await page.getByText('Expand all', { exact: true }).first().click();
  await page.getByText('data[].amount_total', { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
}

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const operation = () => page.locator('main, body').first();
// What a reader sees, without the zero-width spaces Redoc puts in long property paths to wrap them.
// biome-ignore lint/performance/useDomNodeTextContent: innerText is what a reader sees, hidden parts left out.
const visibleText = async () => (await operation().innerText()).replaceAll('\u200b', '');

describe('the hosted reference, in Chromium', () => {
  it('shows the operation title and the tag description', async () => {
    expect(await title().isVisible()).toBe(true);
    expect(await title().textContent()).toBe('List all checkout sessions (Stripe-compatible)');
    expect(await visibleText()).toContain('A checkout session is one customer');
  });

  it(`shows the ${statusValues.length} status values and the limit bounds`, async () => {
    const text = await visibleText();
    for (const status of statusValues) expect(text).toContain(`"${status}"`);
    expect(text).toMatch(
      new RegExp(
        `${escapeRegExp(limitParam)}\\s+integer, \\[ ${limitBounds.minimum} \\.\\. ${limitBounds.maximum} \\]`,
      ),
    );
    expect(text).toContain(cursorParam);
  });

  it('shows every CheckoutSession field of the 200 response once expanded', async () => {
    await expandAll();
    const text = await visibleText();
    for (const field of Object.keys(spec.components.schemas.CheckoutSession.properties)) {
      expect(text, `field ${field}`).toContain(`data[].${field}`);
    }
    expect(text).toContain('has_more');
  });

  it('shows each error response with its description', async () => {
    const responses = spec.paths['/checkout/sessions']!.get.responses;
    for (const code of ['400', '401', '429', '500', 'default']) {
      expect(responses[code], `spec declares ${code}`).toBeDefined();
      await page
        .locator('[role=tab], button')
        .filter({ hasText: new RegExp(`^${code}$`) })
        .first()
        .click();
      const expected = {
        '400': 'The request was invalid',
        '401': 'No valid API key was provided.',
        '429': 'Too many requests in too short a time',
        '500': 'Something went wrong on the server',
        default: 'Any other error, such as 503 Service Unavailable',
      }[code]!;
      await page.getByText(expected, { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
      const text = await visibleText();
      expect(text, `response ${code}`).toContain(expected);
      if (code === '429') expect(text).toContain('Retry-After');
    }
  });

  it('shows the TypeScript samples of the SDK, first of all', async () => {
    const samples = page.locator('.panel-request-samples');
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a reader sees.
    const shown = await samples.innerText();
    expect(shown).toContain('TypeScript: one page');
    expect(shown).toContain("await loops.checkout.sessions.list({ status: 'COMPLETED', limit: 25 })");
    await samples.getByText('TypeScript: one page', { exact: true }).click();
    const every = page.getByRole('menuitem', { name: 'TypeScript: every page' });
    await every.waitFor({ state: 'visible', timeout: 30_000 });
    await every.click();
    await samples.getByText('for await', { exact: false }).first().waitFor({ state: 'visible', timeout: 30_000 });
    // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a reader sees.
    expect(await samples.innerText()).toContain('for await (const session of loops.checkout.sessions.list(');
  });

  it('logs no console error and asks no host but its own', async () => {
    expect(consoleErrors).toEqual([]);
    const foreign = requests.filter((url) => {
      if (url.startsWith('data:') || url.startsWith('blob:')) return false;
      const host = new URL(url).hostname;
      return host !== '127.0.0.1' && host !== 'localhost';
    });
    expect(foreign).toEqual([]);
    expect(requests.length).toBeGreaterThan(0);
  });

  it('saves a full-page screenshot that shows the rendered endpoint, not a blank page', async () => {
    await page.locator('[role=tab], button').filter({ hasText: /^200$/ }).first().click();
    await expandAll();
    await title().scrollIntoViewIfNeeded();
    const path = join(docsDir, 'screenshot.png');
    const png = await page.screenshot({ path, fullPage: true });
    expect(readFileSync(path).equals(png)).toBe(true);
    // Read the picture back in the browser: its size, how much of its first screen is ink (anything
    // darker than the page's light background), and whether the operation's title is drawn where the
    // page lays it out. A blank or half-rendered page fails all three.
    const heading = await title().evaluate((element) => {
      const box = element.getBoundingClientRect();
      return { x: box.x + window.scrollX, y: box.y + window.scrollY, width: box.width, height: box.height };
    });
    const picture = await page.evaluate(
      async ({ dataUrl, heading }) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const inkIn = (x: number, y: number, width: number, height: number) => {
          const { data } = context.getImageData(x, y, width, height);
          let ink = 0;
          for (let i = 0; i < data.length; i += 4)
            if (data[i]! < 160 && data[i + 1]! < 160 && data[i + 2]! < 160) ink++;
          return ink / (data.length / 4);
        };
        return {
          width: image.width,
          height: image.height,
          firstScreenInk: inkIn(0, 0, image.width, 1000),
          titleInk: inkIn(heading.x, heading.y, heading.width, heading.height),
        };
      },
      { dataUrl: `data:image/png;base64,${png.toString('base64')}`, heading },
    );
    expect(picture.width).toBe(1400);
    // The whole page, every field expanded: far taller than the 1000 px viewport.
    expect(picture.height).toBeGreaterThan(3000);
    // Measured: about 2.5 % of the first screen is dark text, and 15 to 25 % of the title's box.
    expect(picture.firstScreenInk).toBeGreaterThan(0.01);
    expect(picture.titleInk).toBeGreaterThan(0.05);
    console.log(
      `screenshot: ${picture.width}×${picture.height} px, first screen ${(picture.firstScreenInk * 100).toFixed(1)} % ink, title ${(picture.titleInk * 100).toFixed(1)} %`,
    );
  });
});
