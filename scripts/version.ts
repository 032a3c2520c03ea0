/**
 * `npm run version`: applies the pending changesets (changeset version bumps package.json and writes
 * CHANGELOG.md), keeps the spec's info.version equal to the package's (README states the policy),
 * regenerates, and marks in the new changelog entry the breaking changes check:breaking finds
 * against the last release, so that no release hides one behind a changeset's wording. Each line
 * carries the change's id: until the release is tagged, check:breaking reads them as the
 * acknowledgements the used-up changesets were.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { findBase } from './breaking/base.js';
import { classify, type Json } from './breaking/classify.js';
import { root } from './harness/paths.js';

const read = (file: string) => readFileSync(join(root, file), 'utf8');
const run = (command: string, args: string[]) => execFileSync(command, args, { cwd: root, stdio: 'inherit' });

const base = findBase();
const breaking = classify(base.document, JSON.parse(read('generated/openapi.json')) as Json).filter((c) => c.breaking);

run(process.execPath, [join(root, 'node_modules/@changesets/cli/bin.js'), 'version']);
const { version } = JSON.parse(read('package.json')) as { version: string };

const spec = parseDocument(read('spec/openapi.yaml'));
spec.setIn(['info', 'version'], version);
writeFileSync(join(root, 'spec/openapi.yaml'), spec.toString());
run(process.execPath, ['--import', 'tsx', join(root, 'scripts/generate.ts')]);

if (breaking.length) {
  const heading = `## ${version}\n`;
  const changelog = read('CHANGELOG.md');
  const list = breaking.map((c) => `- **Breaking**: ${c.where} [${c.id}]: ${c.what} (${c.why})`).join('\n');
  const marked = `${heading}\n### Breaking changes for clients (found by check:breaking against ${base.ref.slice(0, 12)})\n\n${list}\n`;
  writeFileSync(join(root, 'CHANGELOG.md'), changelog.replace(heading, marked));
}
console.log(`Version ${version}: package.json, spec/openapi.yaml info.version, generated/ and CHANGELOG.md updated.`);
