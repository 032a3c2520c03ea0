import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { createScratchCopy, type ScratchCopy } from '../../scripts/harness/scratch.js';
import {
  addFilter,
  addResponseField,
  enumOnLimit,
  newField,
  newFilter,
  removeFilter,
  removeSessionField,
  withoutChangesets,
} from './spec-changes.js';

/** A scratch copy with no pending changeset: a change that asks for no version bump. */
const freshCopy = (prefix: string) => {
  const copy = createScratchCopy(prefix);
  withoutChangesets(copy.dir);
  return copy;
};
const commit = (copy: ScratchCopy, message: string) =>
  copy.git('-c', 'user.name=gate', '-c', 'user.email=gate@example.com', 'commit', '-qam', message);
const checkBreaking = (copy: ScratchCopy, args: string[] = [], env: Record<string, string> = {}) =>
  copy.attempt('npm', ['run', '-s', 'check:breaking', '--', ...args], env);

/** The changeset a failed gate tells the spec owner to write, and the file it names. */
function printedChangeset(output: string): { file: string; text: string } {
  const file = /write this to (\.changeset\/[\w-]+\.md)/.exec(output)?.[1];
  const text = /---\n[^\n]*\n---\n\n[^\n]*\n\n(?:- [^\n]*\n)+/.exec(output)?.[0];
  if (!file || !text) throw new Error(`The report printed no changeset to write:\n${output}`);
  return { file, text };
}

/** A change made and regenerated in a fresh copy; what `npm test` said of it. */
function npmTestAfter(change: (dir: string) => unknown): { copy: ScratchCopy; status: number | null; output: string } {
  const copy = freshCopy('loops-breaking-');
  change(copy.dir);
  copy.run('npm', ['run', 'generate']);
  return { copy, ...copy.attempt('npm', ['test']) };
}

let scratch: ScratchCopy | undefined;
afterEach(() => scratch?.remove());

describe('the breaking-change gate, in a scratch copy: a removed response field', () => {
  let copy: ScratchCopy;
  let failed: { status: number | null; output: string };
  beforeAll(() => {
    const { copy: made, ...result } = npmTestAfter((dir) => removeSessionField(dir, 'locale'));
    copy = made;
    failed = result;
  }, 300_000);
  afterAll(() => copy?.remove());

  it('fails npm test, naming the field where clients meet it, why it breaks, and the changeset to write', () => {
    expect(failed.status).not.toBe(0);
    expect(failed.output).toMatch(
      /GET \/checkout\/sessions → 200 → data\[\] → locale \[break-[0-9a-f]{8}\]: field removed/,
    );
    expect(failed.output).toMatch(/GET \/checkout\/sessions\/\{id\} → 200 → locale \[break-[0-9a-f]{8}\]/);
    expect(failed.output).toContain('breaks: clients that read it find it gone');
    expect(failed.output).toContain('not acknowledged: no pending changeset names it');
    expect(printedChangeset(failed.output).text).toContain('"@loops-fi/checkout": minor');
  });

  it('still fails with a changeset that asks for a minor bump but does not name the change', () => {
    writeFileSync(join(copy.dir, '.changeset/feature.md'), '---\n"@loops-fi/checkout": minor\n---\n\nA new feature.\n');
    const { status, output } = checkBreaking(copy);
    expect(status).toBe(1);
    expect(output).toContain('not acknowledged: no pending changeset names it');
  });

  it('passes once the changeset the report printed is written, and says which changeset acknowledges it', () => {
    const { file, text } = printedChangeset(failed.output);
    writeFileSync(join(copy.dir, file), text);
    const { status, output } = copy.attempt('npm', ['run', 'check:spec']);
    expect(output).toContain(`acknowledged by ${file} (minor)`);
    expect(status).toBe(0);
  });
});

describe('the breaking-change gate, in a scratch copy: parameters', () => {
  it('a new required query parameter, by $ref as this spec writes them, fails npm test', () => {
    const { copy, status, output } = npmTestAfter((dir) => addFilter(dir, true));
    scratch = copy;
    expect(status).not.toBe(0);
    expect(output).toMatch(
      new RegExp(`GET /checkout/sessions → query ${newFilter} \\[break-[0-9a-f]{8}\\]: new required parameter`),
    );
    expect(output).toContain('breaks: calls that leave it out are now refused');
  }, 300_000);

  it('a new optional query parameter by $ref passes', () => {
    scratch = freshCopy('loops-breaking-');
    addFilter(scratch.dir);
    scratch.run('npm', ['run', 'generate']);
    const { status, output } = scratch.attempt('npm', ['run', 'check:spec']);
    expect(status).toBe(0);
    expect(output).toContain(`GET /checkout/sessions → query ${newFilter}: new optional parameter`);
    expect(output).not.toContain('Breaking (');
  }, 300_000);

  it('an enum added to limit, which had none, fails npm test: values in its bounds are now refused', () => {
    let values: number[] = [];
    const { copy, status, output } = npmTestAfter((dir) => {
      values = enumOnLimit(dir);
    });
    scratch = copy;
    expect(status).not.toBe(0);
    expect(output).toContain(`GET /checkout/sessions → query limit [`);
    expect(output).toContain(`values any → ${values.join(' | ')}`);
    expect(output).toContain('breaks: values clients send may now be refused');
  }, 300_000);

  it('an optional response field added passes', () => {
    scratch = freshCopy('loops-breaking-');
    addResponseField(scratch.dir);
    scratch.run('npm', ['run', 'generate']);
    const { status, output } = checkBreaking(scratch);
    expect(status).toBe(0);
    expect(output).toContain(newField);
    expect(output).not.toContain('Breaking (');
  }, 120_000);
});

describe('the breaking-change gate on CI (--since-merge-base), in a scratch copy', () => {
  it('fails on a change that breaks what main had, though the last release never had it, until a changeset added since names it', () => {
    scratch = freshCopy('loops-merge-base-');
    // On main since the release: a new optional filter, with a changeset that names its place.
    addFilter(scratch.dir);
    const place = `GET /checkout/sessions → query ${newFilter}`;
    const announced = `---\n"@loops-fi/checkout": minor\n---\n\nA \`${place}\` filter.\n`;
    writeFileSync(join(scratch.dir, '.changeset/customer-filter.md'), announced);
    scratch.run('npm', ['run', 'generate']);
    scratch.git('add', '-A');
    commit(scratch, 'add a filter');
    scratch.git('branch', 'target');
    // A pull request that removes the filter again, then adds a response field.
    removeFilter(scratch.dir);
    scratch.run('npm', ['run', 'generate']);
    scratch.git('add', '-A');
    commit(scratch, 'remove the filter');
    addResponseField(scratch.dir);
    scratch.run('npm', ['run', 'generate']);
    commit(scratch, 'add a field');

    expect(checkBreaking(scratch).status).toBe(0); // the last release never had the filter
    expect(checkBreaking(scratch, ['--since-merge-base']).status).toBe(0); // HEAD~1: only the field was added
    const pullRequest = { GITHUB_BASE_REF: 'target' };
    const refused = checkBreaking(scratch, ['--since-merge-base'], pullRequest);
    expect(refused.status).toBe(1);
    expect(refused.output).toContain('(the merge base with target)');
    expect(refused.output).toMatch(new RegExp(`${place} \\[break-[0-9a-f]{8}\\]: parameter removed`));
    // The changeset from main names the place, but was pending before: it does not vouch for a later break.
    expect(refused.output).toContain('only changesets added or changed since');
    expect(refused.output).toContain('not acknowledged: no pending changeset names it');

    const { file, text } = printedChangeset(refused.output);
    writeFileSync(join(scratch.dir, file), text);
    expect(checkBreaking(scratch, ['--since-merge-base'], pullRequest).status).toBe(0);
  }, 300_000);
});

describe('npm run version, in a scratch copy', () => {
  it('bumps package.json, keeps the spec info.version in step, regenerates, and marks breaking changes in the changelog, which the gate then reads', () => {
    scratch = freshCopy('loops-version-');
    removeSessionField(scratch.dir, 'locale');
    scratch.run('npm', ['run', 'generate']);
    const { file, text } = printedChangeset(checkBreaking(scratch).output);
    writeFileSync(
      join(scratch.dir, file),
      text.replace('Breaking changes', 'Remove `locale` from the checkout session. Breaking changes'),
    );
    const before = JSON.parse(readFileSync(join(scratch.dir, 'package.json'), 'utf8')).version as string;
    scratch.run('npm', ['run', 'version']);
    const after = JSON.parse(readFileSync(join(scratch.dir, 'package.json'), 'utf8')).version as string;
    const [major, minor] = before.split('.').map(Number) as [number, number];
    expect(after).toBe(`${major}.${minor + 1}.0`);
    expect(parseDocument(readFileSync(join(scratch.dir, 'spec/openapi.yaml'), 'utf8')).getIn(['info', 'version'])).toBe(
      after,
    );
    expect(JSON.parse(readFileSync(join(scratch.dir, 'generated/openapi.json'), 'utf8')).info.version).toBe(after);
    const changelog = readFileSync(join(scratch.dir, 'CHANGELOG.md'), 'utf8');
    const entry = changelog.slice(changelog.indexOf(`## ${after}`), changelog.indexOf(`## ${before}`));
    expect(entry).toContain('Remove `locale` from the checkout session.');
    expect(entry).toMatch(
      /- \*\*Breaking\*\*: GET \/checkout\/sessions → 200 → data\[\] → locale \[break-[0-9a-f]{8}\]/,
    );
    scratch.run('npm', ['run', 'check:generated']);
    // The changesets are used up; until the release is tagged, the changelog entry acknowledges the change.
    const { status, output } = checkBreaking(scratch);
    expect(output).toContain(`acknowledged by CHANGELOG.md (${after})`);
    expect(status).toBe(0);
  }, 180_000);
});
