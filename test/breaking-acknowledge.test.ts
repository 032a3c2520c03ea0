import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  acknowledgementOf,
  changesetFor,
  missing,
  names,
  pendingChangesets,
  unreleasedEntries,
} from '../scripts/breaking/acknowledge.js';
import { allowsBreaking, bumpBetween, bumpIn } from '../scripts/breaking/bump.js';
import { type Change, changeId } from '../scripts/breaking/classify.js';

const pkg = '@loops-fi/checkout';
const change = (where: string, what = 'field removed'): Change => ({
  breaking: true,
  id: changeId(where, what),
  where,
  what,
  why: 'clients that read it find it gone',
});
const locale = change('GET /checkout/sessions → 200 → data[] → locale');
const changeset = (bump: string, body: string) => `---\n"${pkg}": ${bump}\n---\n\n${body}\n`;

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

/** A folder holding .changeset/ files and a CHANGELOG.md, as a checkout of the repo does. */
function repoWith(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'loops-acknowledge-'));
  mkdirSync(join(dir, '.changeset'));
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

describe('a changeset names a breaking change', () => {
  it('by the id the report prints beside it, in any letter case', () => {
    expect(names(`Drops it (${locale.id.toUpperCase()}).`, locale)).toBe(true);
  });

  it('by the place the report prints, in backticks or not', () => {
    expect(names('- `GET /checkout/sessions → 200 → data[] → locale`: gone', locale)).toBe(true);
    expect(names('GET /checkout/sessions → 200 → data[] → locale is gone', locale)).toBe(true);
  });

  it('not by a longer place that starts with it, nor by another id', () => {
    const operation = change('GET /checkout/sessions', 'operation removed');
    const status = change('GET /checkout/sessions → 429', 'response removed');
    expect(names('`GET /checkout/sessions/{id}` is gone', operation)).toBe(false);
    expect(names('`GET /checkout/sessions → 200 → data[] → locale` is gone', operation)).toBe(false);
    expect(names('GET /checkout/sessions → 4290', status)).toBe(false);
    expect(names(`${change('elsewhere').id} and locale`, locale)).toBe(false);
  });
});

describe('what acknowledges a breaking change', () => {
  it('a pending changeset that names it and asks for a minor bump while 0.x, or a major one', () => {
    const root = repoWith({ '.changeset/drop.md': changeset('minor', `Drop \`${locale.where}\`.`) });
    expect(acknowledgementOf(locale, pendingChangesets(root, pkg, '0.3.0')).by?.source).toBe('.changeset/drop.md');
    expect(acknowledgementOf(locale, pendingChangesets(root, pkg, '1.4.0')).by).toBeUndefined();
  });

  it('not one that asks for too small a bump, and the report says which and what it needs', () => {
    const root = repoWith({ '.changeset/drop.md': changeset('patch', locale.id) });
    const { by, tooSmall } = acknowledgementOf(locale, pendingChangesets(root, pkg, '0.3.0'));
    expect(by).toBeUndefined();
    expect(missing(tooSmall, '0.3.0')).toBe(
      '.changeset/drop.md names it but asks for a patch bump: it needs a minor (or major, while 0.x) bump',
    );
  });

  it('not a changeset that asks for a bump but does not name it', () => {
    const root = repoWith({ '.changeset/feature.md': changeset('major', 'A new filter.') });
    const { by, tooSmall } = acknowledgementOf(locale, pendingChangesets(root, pkg, '0.3.0'));
    expect(by).toBeUndefined();
    expect(missing(tooSmall, '0.3.0')).toBe('no pending changeset names it');
  });

  it('the changeset the report prints, once written, acknowledges every change it lists', () => {
    const other = change('GET /checkout/sessions → query limit', 'values any → 10 | 25');
    const root = repoWith({ '.changeset/break.md': changesetFor(pkg, '0.3.0', [locale, other]) });
    const written = pendingChangesets(root, pkg, '0.3.0');
    expect(written[0]!.bump).toBe('minor');
    for (const each of [locale, other]) expect(acknowledgementOf(each, written).by?.source).toBe('.changeset/break.md');
  });

  it('after npm run version used the changesets up, the changelog entries of the versions not yet released', () => {
    const changelog = `# ${pkg}\n\n## 0.3.0\n\n- **Breaking**: ${locale.id}\n\n## 0.2.1\n\nA fix.\n\n## 0.2.0\n\n- ${locale.id}\n`;
    const root = repoWith({ 'CHANGELOG.md': changelog });
    const entries = unreleasedEntries(root, '0.2.0', '0.3.0');
    expect(entries.map((entry) => [entry.source, entry.bump, entry.allowed])).toEqual([
      ['CHANGELOG.md (0.3.0)', 'minor', true],
      ['CHANGELOG.md (0.2.1)', 'patch', false],
    ]);
    expect(acknowledgementOf(locale, entries).by?.source).toBe('CHANGELOG.md (0.3.0)');
    expect(unreleasedEntries(root, '0.3.0', '0.3.0')).toEqual([]);
  });
});

describe('version bumps', () => {
  it.each([
    ['major', '1.4.0', true],
    ['minor', '1.4.0', false],
    ['minor', '0.3.0', true],
    ['patch', '0.3.0', false],
    ['none', '0.3.0', false],
  ] as const)('a %s bump of %s may carry breaking changes: %s', (bump, version, allowed) => {
    expect(allowsBreaking(bump, version)).toBe(allowed);
  });

  it.each([
    ['0.1.0', '0.2.0', 'minor'],
    ['0.1.0', '1.0.0', 'major'],
    ['0.1.0', '0.1.1', 'patch'],
    ['0.2.0', '0.1.9', 'none'],
    ['1.0.0', '1.0.0', 'none'],
  ] as const)('from %s to %s is a %s bump', (from, to, bump) => {
    expect(bumpBetween(from, to)).toBe(bump);
  });

  it('a changeset asks for the bump its front matter gives this package, and none for another', () => {
    expect(bumpIn(changeset('major', 'x'), pkg)).toBe('major');
    expect(bumpIn(changeset('major', 'x'), 'another-package')).toBe('none');
    expect(bumpIn('no front matter', pkg)).toBe('none');
  });
});
