/** The bundled specs check:breaking compares against, read from git: the last release's, and a recent commit's. */
import { execFileSync } from 'node:child_process';
import { root } from '../harness/paths.js';
import type { Json } from './classify.js';

const bundle = 'generated/openapi.json';
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const tryGit = (...args: string[]) => {
  try {
    return git(...args);
  } catch {
    return undefined;
  }
};

export interface Base {
  /** The commit the bundle was read from, and how it was chosen. */
  ref: string;
  why: string;
  document: Json;
  /** package.json's version at that commit, when it has one. */
  version?: string;
}

/** The bundle at ref, with how ref was chosen. */
export function readBase(ref: string, why: string): Base {
  const document = JSON.parse(git('show', `${ref}:${bundle}`)) as Json;
  const pkg = tryGit('show', `${ref}:package.json`);
  const version = pkg ? (JSON.parse(pkg) as { version?: string }).version : undefined;
  return { ref: git('rev-parse', `${ref}^{commit}`), why, document, ...(version && { version }) };
}

/**
 * The last release: the bundle at `ref` when given; else at the latest `v*` tag (by version
 * order); else, before the first release, at the first commit that has a bundle.
 */
export function findBase(ref?: string): Base {
  if (ref) return readBase(ref, `${ref}, given with --base`);
  const tag = git('tag', '--list', 'v*', '--sort=-version:refname').split('\n').filter(Boolean)[0];
  if (tag) return readBase(tag, `the latest release tag ${tag}`);
  const first = git('log', '--diff-filter=A', '--format=%H', '--reverse', '--', bundle).split('\n')[0];
  if (!first) throw new Error(`No commit has ${bundle} yet: nothing to compare with.`);
  return readBase(first, `no v* tag yet: the first commit with ${bundle}`);
}

/**
 * What a change on its way to main is compared with, besides the last release: the merge base
 * with the pull request's target branch (GITHUB_BASE_REF, as GitHub Actions sets it on pull
 * requests), else the previous commit (a push to main); or, when there is none or it has no
 * bundle, why not.
 */
export function findRecentBase(): Base | string {
  const target = process.env.GITHUB_BASE_REF;
  const ref = target
    ? (tryGit('merge-base', 'HEAD', `origin/${target}`) ?? tryGit('merge-base', 'HEAD', target))
    : tryGit('rev-parse', '--verify', '-q', 'HEAD~1^{commit}');
  const what = target ? `the merge base with ${target}` : 'the previous commit, HEAD~1';
  if (!ref) return `${what} was not found`;
  if (tryGit('cat-file', '-e', `${ref}:${bundle}`) === undefined) return `${what} has no ${bundle}`;
  return readBase(ref, what);
}

/** The pending changesets added or changed since ref (committed or not), as paths under the repo. */
export function changesetsChangedSince(ref: string): Set<string> {
  const changed = git('diff', '--name-only', ref, '--', '.changeset').split('\n');
  const untracked = git('ls-files', '--others', '--exclude-standard', '--', '.changeset').split('\n');
  return new Set([...changed, ...untracked].filter((file) => file.endsWith('.md')));
}
