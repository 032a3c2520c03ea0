/** The version bump the pending changesets ask for, and whether it may carry breaking changes. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { root } from '../harness/paths.js';

const order = ['none', 'patch', 'minor', 'major'] as const;
export type Bump = (typeof order)[number];

/** The largest bump that any changeset in .changeset/ gives this package. */
export function pendingBump(packageName: string, dir = join(root, '.changeset')): Bump {
  let bump: Bump = 'none';
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.md') && name !== 'README.md')) {
    const front = /^---\n([\s\S]*?)\n---/.exec(readFileSync(join(dir, file), 'utf8'))?.[1];
    const asked = (front ? (parse(front) as Record<string, string> | null) : null)?.[packageName] as Bump | undefined;
    if (asked && order.indexOf(asked) > order.indexOf(bump)) bump = asked;
  }
  return bump;
}

/** Whether a bump may carry breaking changes: a major one, or while 0.x (semver's unstable range) a minor one. */
export function allowsBreaking(bump: Bump, version: string): boolean {
  return bump === 'major' || (version.startsWith('0.') && bump === 'minor');
}
