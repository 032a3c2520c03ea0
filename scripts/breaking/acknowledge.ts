/**
 * Which breaking changes are acknowledged, and by what. A breaking change passes the gate only when
 * a text that ships with the next release names it (its id, `break-1a2b3c4d`, or the place the
 * report prints, `GET /checkout/sessions → 200 → data[] → locale`) and asks for a bump that may
 * break clients (major; minor while 0.x). Such texts are the pending changesets and, once
 * `npm run version` has used them up but before the release is tagged, the changelog entries of
 * the versions since the compared one (which `npm run version` writes with each change's id).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allowsBreaking, type Bump, bumpBetween, bumpIn, neededBump } from './bump.js';
import type { Change } from './classify.js';

export interface Acknowledgement {
  /** Where it was read: `.changeset/remove-locale.md`, or `CHANGELOG.md (0.2.0)`. */
  source: string;
  bump: Bump;
  /** Whether its bump may carry breaking changes. */
  allowed: boolean;
  text: string;
}

/** The pending changesets of .changeset/ (all of them, or only those whose path is in `only`). */
export function pendingChangesets(dir: string, packageName: string, version: string, only?: Set<string>) {
  const folder = join(dir, '.changeset');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.md') && name !== 'README.md')
    .map((name) => `.changeset/${name}`)
    .filter((source) => !only || only.has(source))
    .map((source): Acknowledgement => {
      const text = readFileSync(join(dir, source), 'utf8');
      const bump = bumpIn(text, packageName);
      return { source, bump, allowed: allowsBreaking(bump, version), text };
    });
}

/** The CHANGELOG.md entries of the versions after `since`, up to `version` (a release applied but not yet tagged). */
export function unreleasedEntries(dir: string, since: string, version: string): Acknowledgement[] {
  const file = join(dir, 'CHANGELOG.md');
  if (!existsSync(file)) return [];
  const sections = readFileSync(file, 'utf8').split(/^(?=## )/m);
  const later = (than: string, entry: string) => bumpBetween(than, entry) !== 'none';
  return sections.flatMap((section) => {
    const entry = /^## (\d+\.\d+\.\d+\S*)/.exec(section)?.[1];
    if (!entry || !later(since, entry) || later(version, entry)) return [];
    const bump = bumpBetween(since, entry);
    return [{ source: `CHANGELOG.md (${entry})`, bump, allowed: allowsBreaking(bump, since), text: section }];
  });
}

const literally = (text: string) => text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/**
 * Whether text names change: its id, or its place as a whole (not the start of a longer place:
 * `GET /checkout/sessions` does not name `GET /checkout/sessions/{id}` or `… → 200 → locale`).
 */
export function names(text: string, change: Change): boolean {
  if (new RegExp(`\\b${literally(change.id)}\\b`, 'i').test(text)) return true;
  return new RegExp(`(?<![\\w/{}\\]-])${literally(change.where)}(?![\\w/{}\\[\\]-]|\\s*→)`).test(text);
}

/** The acknowledgement that lets change through, else what came closest (named with too small a bump). */
export function acknowledgementOf(change: Change, acknowledgements: Acknowledgement[]) {
  const naming = acknowledgements.filter((acknowledgement) => names(acknowledgement.text, change));
  return { by: naming.find((acknowledgement) => acknowledgement.allowed), tooSmall: naming.filter((a) => !a.allowed) };
}

/** The changeset to write so that changes pass: the package, the bump they need, and a line naming each. */
export function changesetFor(packageName: string, version: string, changes: Change[]): string {
  const bump = version.startsWith('0.') ? 'minor' : 'major';
  const lines = changes.map((change) => `- \`${change.where}\` (${change.id}): ${change.what}; ${change.why}.`);
  return `---\n"${packageName}": ${bump}\n---\n\nBreaking changes for clients of ${version}:\n\n${lines.join('\n')}\n`;
}

/** Why a breaking change is not acknowledged, for the report. */
export function missing(tooSmall: Acknowledgement[], version: string): string {
  if (!tooSmall.length) return 'no pending changeset names it';
  const named = tooSmall.map((a) => `${a.source} names it but asks for a ${a.bump} bump`).join('; ');
  return `${named}: it needs a ${neededBump(version)} bump`;
}
