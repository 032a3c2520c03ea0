/** What the judge's rules share: what a rule gets and gives, and how a path on the older side is found on the newer. */
import type { Diff } from 'api-smart-diff';
import { nodeAt, type Path } from './describe.js';
import type { Json } from './resolve.js';

export interface Judged {
  breaking: boolean;
  where: string;
  what: string;
  /** The path the verdict is about (a schema, for a type or enum judged as a whole). */
  path: Path;
}

export interface Sides {
  before: Json;
  after: Json;
}

export interface Context extends Sides {
  diff: Diff;
  path: Path;
  /** A path described on the side the difference lives on (the newer one for an addition). */
  where: (path: Path) => string;
}

/** A rule judges the differences it knows (null: say nothing, another line says it) and passes on the rest. */
export type Rule = (context: Context) => Judged | null | undefined;

export const done = (action: string) => (action === 'add' ? 'added' : action === 'remove' ? 'removed' : 'replaced');

export const listOf = (value: unknown): unknown[] | undefined =>
  value === undefined ? undefined : Array.isArray(value) ? value : [value];

/**
 * path (api-smart-diff gives paths on the older side) on the newer side: a parameter can move in
 * its list, so it is found again by where it goes and its name.
 */
export function onNewerSide(path: Path, { before, after }: Sides): Path {
  const mapped = [...path];
  for (let i = path.indexOf('parameters'); i !== -1 && i + 1 < path.length; i = path.indexOf('parameters', i + 1)) {
    const old = nodeAt(before, path.slice(0, i + 2)) as { in?: string; name?: string } | undefined;
    const list = nodeAt(after, mapped.slice(0, i + 1));
    if (!old || !Array.isArray(list)) continue;
    const index = list.findIndex(
      (item: { in?: string; name?: string }) => item.in === old.in && item.name === old.name,
    );
    if (index !== -1) mapped[i + 1] = index;
  }
  return mapped;
}
