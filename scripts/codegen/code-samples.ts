/**
 * Reads spec/code_samples/<operationId>.yaml manifests and sets each operation's `x-codeSamples`
 * to the files they list, so that the reference shows code that `npm test` type-checks.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';

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

export function injectCodeSamples(document: Json, samplesDir: string): Json {
  const operations = operationsById(document);
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
  }
  return document;
}
