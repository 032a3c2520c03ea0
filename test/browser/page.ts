/**
 * The built reference (dist/docs) in headless Chromium, opened as a reader opens it, with what the
 * browser tests need to ask it: what a reader sees, and whether Redoc has rendered every section.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { root } from '../../scripts/harness/paths.js';
import { type StaticServer, serveDirectory } from '../../scripts/harness/static-server.js';

export const docsDir = join(root, 'dist', 'docs');

/** The bundled spec the page was built from. */
export const bundle = JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8')) as {
  info: { description: string };
  tags: { name: string; description: string; 'x-traitTag'?: boolean }[];
  components: {
    schemas: Record<string, { properties?: Record<string, unknown> }> & {
      CheckoutSession: { properties: Record<string, unknown> };
    };
  };
  paths: Record<
    string,
    Record<string, { operationId: string; summary: string; tags: string[] } & Record<string, unknown>>
  >;
};

/** The guide sections of the page's navigation: the spec's tags without operations. */
export const guideSections = bundle.tags.filter((tag) => tag['x-traitTag']).map((tag) => tag.name);

/** The spec's first operation: the one the page opens on. */
export const firstOperation = Object.values(Object.values(bundle.paths)[0]!)[0]!;

export interface Reference {
  browser: Browser;
  server: StaticServer;
  /** Every request the pages made, and every console error they logged. */
  requests: string[];
  consoleErrors: string[];
  /** A page of the given width on the reference, opened bare (no route), as a reader opens it. */
  open(width: number): Promise<Page>;
  close(): Promise<void>;
}

export async function startReference(): Promise<Reference> {
  if (!existsSync(join(docsDir, 'index.html')))
    throw new Error('dist/docs/index.html is missing: run `npm run docs` first.');
  const server = await serveDirectory(docsDir);
  const browser = await chromium.launch({
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
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  return {
    browser,
    server,
    requests,
    consoleErrors,
    async open(width) {
      const page = await browser.newPage({ viewport: { width, height: 1000 } });
      page.on('request', (request) => requests.push(request.url()));
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(error.message));
      await page.goto(`${server.url}/`, { waitUntil: 'load' });
      // Wait for what the tests need, not for a time: on a busy 2-core machine Redoc takes seconds
      // to render its 2.6 MB page.
      await operationTitle(page).waitFor({ state: 'visible', timeout: 60_000 });
      return page;
    },
    async close() {
      await browser?.close();
      await server?.close();
    },
  };
}

/** The requests the page made to any host but this machine's: what a self-contained page never makes. */
export function foreignRequests(reference: Reference): string[] {
  return reference.requests.filter((url) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return false;
    const host = new URL(url).hostname;
    return host !== '127.0.0.1' && host !== 'localhost';
  });
}

export const operationTitle = (page: Page) => page.getByRole('heading', { name: firstOperation.summary });

/** The first operation's section of the page. */
export const firstOperationSection = (page: Page) =>
  page.locator(`[data-section-id$="/${firstOperation.operationId.toLowerCase()}"]`).first();

/** What a reader sees in locator, without the zero-width spaces Redoc puts in long property paths to wrap them. */
export const seen = async (locator: ReturnType<Page['locator']>) =>
  // biome-ignore lint/performance/useDomNodeTextContent: innerText is what a reader sees, hidden parts left out.
  (await locator.innerText()).replaceAll('\u200b', '');

// What Redoc draws only once it comes into view: a section (an empty element that carries its
// id), and a nested schema's fields (an empty, aria-hidden placeholder).
const notYetRendered = '#api-content [data-section-id]:empty, #api-content div[aria-hidden="true"]:empty';

/** Scrolls each part of the page Redoc has not rendered yet into view, one after the other, until none is left. */
export async function renderEverySection(page: Page): Promise<void> {
  // Until the reader scrolls or presses a key, Redoc keeps the section it opened on at the top of
  // the screen, scrolling back to it whenever the page grows: a key press, as a reader's, ends that.
  await page.keyboard.press('Home');
  for (let round = 0; round < 200; round++) {
    const placeholder = await page.$(notYetRendered);
    if (!placeholder) return;
    // Rendered: replaced by its content, or filled with it (perhaps already, as a neighbour came into view).
    const rendered = (element: Element) => !element.isConnected || element.childElementCount > 0;
    if (!(await placeholder.evaluate(rendered))) {
      await placeholder.evaluate((element) => element.scrollIntoView({ block: 'center' }));
      await page.waitForFunction(rendered, placeholder, { timeout: 30_000 });
    }
    await placeholder.dispose();
  }
  throw new Error('Redoc kept adding parts to render');
}
