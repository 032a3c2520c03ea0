/** The hosted reference: one self-contained HTML page built by Redocly from the bundled spec. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { root } from '../harness/paths.js';
import { runRedocly } from '../harness/redocly.js';

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
 * Redoc shows only the code samples whose labels its `codeSamples.languages` setting lists, so the
 * setting is derived from the samples the bundled spec carries, in their order.
 */
function redocConfig(): string {
  const document = JSON.parse(readFileSync(join(root, 'generated/openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, { 'x-codeSamples'?: { lang: string; label: string }[] }>>;
  };
  const labels = new Map<string, string>();
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem)) {
      for (const { lang, label } of operation['x-codeSamples'] ?? []) {
        const highlight = lang.toLowerCase() === 'curl' ? 'bash' : lang.toLowerCase();
        labels.set(label, highlight);
      }
    }
  }
  const languages = [...labels].map(([label, lang]) => ({ lang, label }));
  return JSON.stringify({ telemetry: 'off', openapi: { codeSamples: { languages } } }, null, 2);
}

/** Builds dist/docs/index.html from generated/openapi.json, Redoc's scripts inlined: no CDN, no fonts. */
export function buildDocs(): string {
  const output = join(docsDir, 'index.html');
  const configDir = mkdtempSync(join(tmpdir(), 'loops-docs-'));
  try {
    const config = join(configDir, 'redocly.yaml');
    writeFileSync(config, redocConfig());
    runRedocly([
      'build-docs',
      'generated/openapi.json',
      '--inlineBundle',
      '--config',
      config,
      '--lint-config',
      'off',
      '--output',
      output,
      '--title',
      'Loops Checkout Sessions API reference',
    ]);
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
  writeFileSync(output, makeSelfContained(readFileSync(output, 'utf8')));
  return output;
}
