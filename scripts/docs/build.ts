/** The hosted reference: one self-contained HTML page built by Redocly from the bundled spec. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../harness/paths.js';
import { runRedocly } from '../harness/redocly.js';
import { checkLandingRoute, landingRoute, redocOptions } from './redoc-config.js';
import { writeTextReference } from './text-reference.js';

type Json = Record<string, unknown>;

export const docsDir = join(root, 'dist', 'docs');

// Redoc's sidebar credits itself with a logo fetched from its CDN; a self-contained page carries
// the credit as an inline image instead, and declares an inline icon so no browser asks for one.
const logo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#0044d4">Redoc</text></svg>',
)}`;
const icon = `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0044d4"/></svg>',
)}">`;

export function makeSelfContained(html: string): string {
  const page = html
    .replace(/https:\/\/cdn\.redoc\.ly\/redoc\/logo-mini(-full)?\.svg/g, logo)
    .replace('<head>', `<head>\n  ${icon}`);
  const remote = /<(?:script|link|img)[^>]+(?:src|href)="https?:|https:\/\/cdn\.redoc\.ly/.exec(page);
  if (remote) throw new Error(`the reference still loads something from the network: ${remote[0]}`);
  return page;
}

/**
 * Builds dist/docs/index.html from generated/openapi.json, Redoc's scripts inlined (no CDN, no
 * fonts), with our template (code wraps, sections painted, opens on the first operation).
 */
export function buildDocs(): string {
  const output = join(docsDir, 'index.html');
  const document = JSON.parse(readFileSync(join(root, 'generated/openapi.json'), 'utf8')) as Json;
  const route = landingRoute(document);
  const configDir = mkdtempSync(join(tmpdir(), 'loops-docs-'));
  try {
    const config = join(configDir, 'redocly.yaml');
    writeFileSync(config, JSON.stringify({ telemetry: 'off', openapi: redocOptions(document) }, null, 2));
    runRedocly([
      'build-docs',
      'generated/openapi.json',
      '--inlineBundle',
      '--config',
      config,
      '--lint-config',
      'off',
      '--template',
      join(root, 'scripts/docs/template.hbs'),
      `--templateOptions.landingRoute=${route}`,
      '--output',
      output,
      '--title',
      'Loops Checkout Sessions API reference',
    ]);
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
  const html = readFileSync(output, 'utf8');
  checkLandingRoute(html, route);
  writeFileSync(output, makeSelfContained(html));
  writeTextReference(document, docsDir);
  return output;
}
