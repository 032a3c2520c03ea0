/**
 * `npm run check:breaking [-- --base <git ref>]`: compares generated/openapi.json with the bundle of
 * the last release and reports every difference a client could notice, breaking ones first. Exits
 * 1 on a breaking change unless the pending changesets bump the version enough (major; minor while
 * 0.x) or ALLOW_BREAKING=1 is set, which turns the failure into a warning.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findBase } from './breaking/base.js';
import { allowsBreaking, pendingBump } from './breaking/bump.js';
import { type Change, classify, type Json } from './breaking/classify.js';
import { root } from './harness/paths.js';

const baseFlag = process.argv.indexOf('--base');
const base = findBase(baseFlag === -1 ? undefined : process.argv[baseFlag + 1]);
const current = JSON.parse(readFileSync(join(root, 'generated/openapi.json'), 'utf8')) as Json;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const changes = classify(base.document, current);
const breaking = changes.filter((change) => change.breaking);

const line = (change: Change) =>
  `  - ${change.where}: ${change.what}${change.why ? `\n    breaks: ${change.why}` : ''}`;
console.log(`Spec compared with ${base.ref.slice(0, 12)} (${base.why}).`);
if (changes.length === 0) console.log('No difference a client could notice.');
if (breaking.length) console.log(`\nBreaking (${breaking.length}):\n${breaking.map(line).join('\n')}`);
const others = changes.filter((change) => !change.breaking);
if (others.length) console.log(`\nNot breaking (${others.length}):\n${others.map(line).join('\n')}`);

if (breaking.length) {
  const bump = pendingBump(pkg.name);
  if (allowsBreaking(bump, pkg.version)) {
    console.log(`\nThe pending changesets bump ${pkg.version} by a ${bump} version: breaking changes are allowed.`);
  } else if (process.env.ALLOW_BREAKING === '1') {
    console.warn(`\nWarning: ${breaking.length} breaking change(s), allowed by ALLOW_BREAKING=1.`);
  } else {
    const needed = pkg.version.startsWith('0.') ? 'minor (or major)' : 'major';
    console.error(
      `\n✗ ${breaking.length} breaking change(s) for the clients of the last release, and the pending changesets ask for a ${bump} bump.` +
        `\n  Undo them, or add a changeset with a ${needed} bump (npx changeset) that says what clients must change.`,
    );
    process.exit(1);
  }
}
