/**
 * `npm run check:breaking [-- --base <git ref>] [-- --since <git ref> | --since-merge-base]`:
 * compares generated/openapi.json with the bundle of the last release and reports every difference
 * a client could notice, breaking ones first, each with an id. Exits 1 on a breaking change that
 * no pending changeset names (by id or place) with a bump that may break clients (major; minor
 * while 0.x), and prints the changeset to write; ALLOW_BREAKING=1 turns that into a warning.
 * `--since <ref>` also compares with that commit, `--since-merge-base` (what CI runs) with the
 * merge base of the pull request (GITHUB_BASE_REF) or else the previous commit: a breaking change
 * since then must be named by a changeset added or changed since then.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changesetFor, pendingChangesets, unreleasedEntries } from './breaking/acknowledge.js';
import { changesetsChangedSince, findBase, findRecentBase, readBase } from './breaking/base.js';
import type { Json } from './breaking/classify.js';
import { type Comparison, judgeAgainst, report } from './breaking/gate.js';
import { root } from './harness/paths.js';

const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
};
const current = JSON.parse(readFileSync(join(root, 'generated/openapi.json'), 'utf8')) as Json;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };

const release = findBase(flag('--base'));
const comparisons: Comparison[] = [
  {
    base: release,
    acknowledgements: [
      ...pendingChangesets(root, pkg.name, pkg.version),
      ...(release.version ? unreleasedEntries(root, release.version, pkg.version) : []),
    ],
    counted: 'any pending changeset may acknowledge a change found against the last release',
  },
];
const since = flag('--since');
const recent = since
  ? readBase(since, `${since}, given with --since`)
  : process.argv.includes('--since-merge-base')
    ? findRecentBase()
    : undefined;
if (typeof recent === 'string') console.log(`Not compared with a recent commit: ${recent}.`);
else if (recent) {
  const changed = changesetsChangedSince(recent.ref);
  comparisons.push({
    base: recent,
    acknowledgements: pendingChangesets(root, pkg.name, pkg.version, changed),
    counted: `only changesets added or changed since ${recent.ref.slice(0, 12)} may acknowledge a change found since then`,
  });
}

const unacknowledged = new Map<string, NonNullable<ReturnType<typeof judgeAgainst>[number]['change']>>();
for (const [i, comparison] of comparisons.entries()) {
  const verdicts = judgeAgainst(comparison, current, pkg.version);
  console.log(`${i ? '\n' : ''}${report(comparison, verdicts)}`);
  for (const { change, missing } of verdicts) if (missing) unacknowledged.set(change.id, change);
}

if (unacknowledged.size) {
  const changes = [...unacknowledged.values()];
  if (process.env.ALLOW_BREAKING === '1') {
    console.warn(`\nWarning: ${changes.length} breaking change(s) not acknowledged, allowed by ALLOW_BREAKING=1.`);
  } else {
    console.error(
      `\n✗ ${changes.length} breaking change(s) for clients that no pending changeset acknowledges.` +
        `\n  Undo them, or acknowledge them: write this to .changeset/${changes[0]!.id}.md` +
        ' (and say in it what clients must change):\n\n' +
        changesetFor(pkg.name, pkg.version, changes),
    );
    process.exit(1);
  }
}
