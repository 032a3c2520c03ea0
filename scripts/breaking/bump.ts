/** Version bumps: the one a changeset asks for, the one between two versions, and which may break clients. */
import { parse } from 'yaml';

const order = ['none', 'patch', 'minor', 'major'] as const;
export type Bump = (typeof order)[number];

/** The bump a changeset's front matter asks for this package ('none' when it does not name it). */
export function bumpIn(changeset: string, packageName: string): Bump {
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(changeset)?.[1];
  const asked = (front ? (parse(front) as Record<string, unknown> | null) : null)?.[packageName];
  return order.includes(asked as Bump) ? (asked as Bump) : 'none';
}

/** The largest of some bumps. */
export const largest = (bumps: Bump[]): Bump =>
  bumps.reduce((most, bump) => (order.indexOf(bump) > order.indexOf(most) ? bump : most), 'none' as Bump);

const parts = (version: string) => version.split(/[.+-]/).slice(0, 3).map(Number) as [number, number, number];

/** The bump that leads from one version to a later one ('none' when it is not later). */
export function bumpBetween(from: string, to: string): Bump {
  const [a, b] = [parts(from), parts(to)];
  for (const [i, bump] of (['major', 'minor', 'patch'] as const).entries()) {
    if (b[i]! > a[i]!) return bump;
    if (b[i]! < a[i]!) return 'none';
  }
  return 'none';
}

/** Whether a bump may carry breaking changes: a major one, or while 0.x (semver's unstable range) a minor one. */
export function allowsBreaking(bump: Bump, version: string): boolean {
  return bump === 'major' || (version.startsWith('0.') && bump === 'minor');
}

/** The bump a breaking change needs from a version, in words. */
export const neededBump = (version: string) => (version.startsWith('0.') ? 'minor (or major, while 0.x)' : 'major');
