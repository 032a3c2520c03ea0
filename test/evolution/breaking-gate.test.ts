import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { createScratchCopy, type ScratchCopy } from '../../scripts/harness/scratch.js';
import { addResponseField, newField, withoutChangesets } from './spec-changes.js';

let scratch: ScratchCopy | undefined;

/** A scratch copy with no pending changeset: a change that asks for no version bump. */
const freshCopy = (prefix: string) => {
  const copy = createScratchCopy(prefix);
  withoutChangesets(copy.dir);
  return copy;
};
afterEach(() => scratch?.remove());

const checkBreaking = (env: Record<string, string> = {}) =>
  scratch!.attempt('npm', ['run', '-s', 'check:breaking'], env);

/** Removes a response field of the session, as a careless spec edit would. */
function removeField(dir: string, field: string): void {
  const file = join(dir, 'spec/components/schemas/CheckoutSession.yaml');
  const document = parseDocument(readFileSync(file, 'utf8'));
  document.deleteIn(['properties', field]);
  const required = document.getIn(['required']) as { items: { value: string }[] };
  required.items = required.items.filter((item) => item.value !== field);
  writeFileSync(file, document.toString());
}

/** The breaking change, regenerated, with a changeset that asks for a minor bump and says why. */
function removeLocaleWithMinorChangeset(dir: string): void {
  removeField(dir, 'locale');
  scratch!.run('npm', ['run', 'generate']);
  writeFileSync(
    join(dir, '.changeset/remove-locale.md'),
    '---\n"@loops-fi/checkout": minor\n---\n\nRemove `locale` from the checkout session.\n',
  );
}

describe('the breaking-change gate, in a scratch copy', () => {
  it('fails when a response field is removed, naming the field and why it breaks', () => {
    scratch = freshCopy('loops-breaking-');
    removeField(scratch.dir, 'locale');
    scratch.run('npm', ['run', 'generate']);
    const { status, output } = checkBreaking();
    expect(status).toBe(1);
    expect(output).toContain('GET /checkout/sessions → 200 → data[] → locale');
    expect(output).toContain('GET /checkout/sessions/{id} → 200 → locale');
    expect(output).toContain('breaks: clients that read it find it gone');
    expect(output).toContain('add a changeset with a minor (or major) bump');
  }, 120_000);

  it('lets the same change through once a changeset asks for a minor bump (the package is 0.x)', () => {
    scratch = freshCopy('loops-breaking-');
    removeLocaleWithMinorChangeset(scratch.dir);
    const { status, output } = checkBreaking();
    expect(status).toBe(0);
    expect(output).toContain('by a minor version: breaking changes are allowed');
  }, 120_000);

  it('passes when an optional field is added', () => {
    scratch = freshCopy('loops-breaking-');
    addResponseField(scratch.dir);
    scratch.run('npm', ['run', 'generate']);
    const { status, output } = checkBreaking();
    expect(status).toBe(0);
    expect(output).toContain(newField);
    expect(output).not.toContain('Breaking (');
  }, 120_000);
});

describe('npm run version, in a scratch copy', () => {
  it('bumps package.json, keeps the spec info.version in step, regenerates, and marks breaking changes in the changelog', () => {
    scratch = freshCopy('loops-version-');
    removeLocaleWithMinorChangeset(scratch.dir);
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
    expect(entry).toContain('- **Breaking**: GET /checkout/sessions → 200 → data[] → locale');
    scratch.run('npm', ['run', 'check:generated']);
  }, 180_000);
});
