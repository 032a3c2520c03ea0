/**
 * Reads spec/code_samples/<operationId>.yaml manifests and sets each operation's `x-codeSamples`
 * to the files they list, so that the reference shows code that `npm test` type-checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import { renderSamples } from './samples.js';

interface SampleEntry {
  lang: string;
  label: string;
  source: string;
}

type Json = Record<string, unknown>;

function operationsById(document: Json): Map<string, Json> {
  const operations = new Map<string, Json>();
  for (const pathItem of Object.values(document.paths as Record<string, Json>)) {
    for (const operation of Object.values(pathItem)) {
      const id = (operation as Json | null)?.operationId;
      if (typeof id === 'string') operations.set(id, operation as Json);
    }
  }
  return operations;
}

/**
 * Sets each operation's x-codeSamples: the hand-written files its manifest lists, or, without one,
 * the generated TypeScript and cURL samples (samples.ts). Returns the generated samples' files.
 */
export function injectCodeSamples(document: Json, samplesDir: string): [string, string][] {
  const operations = operationsById(document);
  const handWritten = new Set<string>();
  for (const manifest of readdirSync(samplesDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()) {
    const operationId = basename(manifest, '.yaml');
    const operation = operations.get(operationId);
    if (!operation) throw new Error(`${join(samplesDir, manifest)} names no operation of the spec (${operationId})`);
    const entries = parse(readFileSync(join(samplesDir, manifest), 'utf8')) as SampleEntry[];
    operation['x-codeSamples'] = entries.map(({ lang, label, source }) => ({
      lang,
      label,
      source: readFileSync(join(samplesDir, source), 'utf8').trimEnd(),
    }));
    handWritten.add(operationId);
  }
  const generated = renderSamples(document, handWritten);
  for (const [id, operation] of operations) {
    if (handWritten.has(id)) continue;
    const source = (ext: string) => generated.find(([name]) => name === `samples/${id}.${ext}`)![1].trimEnd();
    operation['x-codeSamples'] = [
      { lang: 'TypeScript', label: 'TypeScript', source: source('ts') },
      { lang: 'cURL', label: 'cURL', source: source('sh') },
    ];
  }
  return generated;
}
