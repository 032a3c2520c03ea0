/** The bundled spec of the last release, read from git: what check:breaking compares against. */
import { execFileSync } from 'node:child_process';
import { root } from '../harness/paths.js';
import type { Json } from './classify.js';

const bundle = 'generated/openapi.json';
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

export interface Base {
  /** The git ref the bundle was read from, and how it was chosen. */
  ref: string;
  why: string;
  document: Json;
}

/**
 * The bundle at `ref` when given; else at the latest `v*` tag (by version order); else, before the
 * first release, at the first commit that has a bundle.
 */
export function findBase(ref?: string): Base {
  let why = 'given with --base';
  if (!ref) {
    const tag = git('tag', '--list', 'v*', '--sort=-version:refname').split('\n').filter(Boolean)[0];
    if (tag) {
      ref = tag;
      why = 'the latest release tag';
    } else {
      ref = git('log', '--diff-filter=A', '--format=%H', '--reverse', '--', bundle).split('\n')[0];
      if (!ref) throw new Error(`No commit has ${bundle} yet: nothing to compare with.`);
      why = `no v* tag yet: the first commit with ${bundle}`;
    }
  }
  return { ref, why, document: JSON.parse(git('show', `${ref}:${bundle}`)) as Json };
}
