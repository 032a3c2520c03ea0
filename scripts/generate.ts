/**
 * `npm run generate` and `npm run check:generated`: the only writer of generated/. It bundles spec/
 * into one OpenAPI document (JSON and YAML), injects the SDK code samples, and derives the
 * TypeScript types and constants the SDK and docs share (scripts/codegen/ renders them).
 *
 *   tsx scripts/generate.ts          write generated/
 *   tsx scripts/generate.ts --check  fail with a diff when generated/ differs from what spec/ gives
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { type Outputs, render } from './codegen/render.js';
import { root } from './harness/paths.js';

const generatedDir = join(root, 'generated');

/** Writes the files whose content changed, and only those: watchers (Prism, editors) see no false change. */
function write(outputs: Outputs): string[] {
  mkdirSync(generatedDir, { recursive: true });
  const written: string[] = [];
  for (const [name, content] of outputs) {
    const file = join(generatedDir, name);
    if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
    written.push(`generated/${name}`);
  }
  return written;
}

/** Compares outputs with generated/ and prints a unified diff of every stale file. */
function check(outputs: Outputs): boolean {
  const expectedDir = mkdtempSync(join(tmpdir(), 'loops-expected-'));
  try {
    let fresh = true;
    for (const [name, content] of outputs) {
      const actual = join(generatedDir, name);
      if (existsSync(actual) && readFileSync(actual, 'utf8') === content) continue;
      fresh = false;
      const expected = join(expectedDir, name);
      mkdirSync(dirname(expected), { recursive: true });
      writeFileSync(expected, content);
      const target = existsSync(actual) ? actual : '/dev/null';
      const diff = spawnSync('git', ['diff', '--no-index', '--no-color', '--stat', '--patch', target, expected], {
        encoding: 'utf8',
      });
      const lines = diff.stdout.split('\n');
      const shown = lines.slice(0, 80).join('\n');
      console.error(`\n✗ generated/${name} is stale (${relative(root, actual)} vs what spec/ gives):\n${shown}`);
      if (lines.length > 80) console.error(`… ${lines.length - 80} more diff lines`);
    }
    return fresh;
  } finally {
    rmSync(expectedDir, { recursive: true, force: true });
  }
}

const outputs = await render();
if (process.argv.includes('--check')) {
  if (!check(outputs)) {
    console.error('\ngenerated/ does not match spec/. Run `npm run generate` and commit the result.');
    process.exit(1);
  }
  console.log('generated/ is up to date with spec/.');
} else {
  const written = write(outputs);
  console.log(written.length ? `Wrote ${written.join(', ')}.` : 'generated/ was already up to date with spec/.');
}
