/**
 * The hosted reference: one self-contained HTML page built by Redocly from the bundled spec.
 *
 *   tsx scripts/docs.ts build   write dist/docs/index.html
 *   tsx scripts/docs.ts serve   build, serve it on 127.0.0.1:8080, and rebuild when spec/ changes
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { root } from './paths.js';
import { runRedocly } from './redocly.js';
import { type StaticServer, serveDirectory } from './static-server.js';

export const docsDir = join(root, 'dist', 'docs');

/** Regenerates generated/ from spec/, in a process of its own as `npm run generate` would. */
function regenerate(): void {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts/generate.ts')], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`npm run generate failed:\n${result.stdout}\n${result.stderr}`);
}

// Redoc's sidebar credits itself with a logo fetched from its CDN; a self-contained page carries
// the credit as an inline image instead, and declares an inline icon so no browser asks for one.
const logo = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="60" height="16"><text x="0" y="12" font-family="sans-serif" font-size="12" fill="#0044d4">Redoc</text></svg>',
)}`;
const icon = `<link rel="icon" href="data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#0044d4"/></svg>',
)}">`;

function makeSelfContained(html: string): string {
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

/** Serves the built reference; with watch, regenerates and rebuilds it whenever spec/ changes. */
export async function serveDocs(port: number, { watch: live }: { watch: boolean }): Promise<StaticServer> {
  buildDocs();
  const server = await serveDirectory(docsDir, port);
  if (live) {
    let timer: NodeJS.Timeout | undefined;
    watch(join(root, 'spec'), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        try {
          regenerate();
          buildDocs();
          console.log(`${new Date().toLocaleTimeString()} spec/ changed: regenerated and rebuilt the reference.`);
        } catch (error) {
          console.error((error as Error).message);
        }
      }, 200);
    });
  }
  return server;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const command = process.argv[2];
  if (command === 'build') {
    console.log(`Built ${buildDocs()}`);
  } else if (command === 'serve') {
    const server = await serveDocs(8080, { watch: true });
    console.log(`Reference on ${server.url}, rebuilt when spec/ changes. Press Ctrl-C to stop.`);
  } else {
    console.error('usage: tsx scripts/docs.ts build|serve');
    process.exit(2);
  }
}
